// The page is built from spec text, so every string is escaped and none reaches the script.
import { describe, expect, it } from "vitest";
import type { SurfaceRow } from "../../src/report/error-surface.js";
import { html, htmlReport } from "../../src/report/report-html.js";
import { REPORT_SCRIPT } from "../../src/report/report-html-script.js";

const PAYLOAD = `</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&\u2028\u0000`;

function row(overrides: Partial<SurfaceRow> = {}): SurfaceRow {
  return {
    api: "Api",
    operation: "getThing",
    method: "GET",
    path: "/things",
    status: "404",
    code: "",
    category: "terminal",
    recovery: "check-resource",
    reason: "status 404 default",
    idempotent: true,
    summary: "",
    description: "",
    idempotency: "idempotent (GET)",
    retry: { retried: "no", summary: "no retry", detail: "A terminal error is returned at once." },
    ...overrides,
  };
}

describe("html()", () => {
  it.each([
    ["<b>", "&#60;b&#62;"],
    [`"quoted" & 'single'`, "&#34;quoted&#34; &#38; &#39;single&#39;"],
    ["NUL\u0000CODE", "NUL\\u0000CODE"],
    ["line\u2028sep\u2029para", "line\\u2028sep\\u2029para"],
    ["tab\tand\nnewline stay", "tab\tand\nnewline stay"],
  ])("%j", (input, output) => expect(html(input)).toBe(output));
});

describe("htmlReport", () => {
  const hostile = row({
    api: PAYLOAD,
    operation: PAYLOAD,
    method: PAYLOAD,
    path: PAYLOAD,
    status: PAYLOAD,
    code: PAYLOAD,
    category: PAYLOAD,
    recovery: PAYLOAD,
    reason: PAYLOAD,
    summary: PAYLOAD,
    description: PAYLOAD,
    idempotency: PAYLOAD,
    retry: { retried: "yes", summary: PAYLOAD, detail: PAYLOAD },
  });
  const page = htmlReport([row(), hostile]);

  it("has exactly one script, ours, with no spec text in it", () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1];
    expect(script).toBe(REPORT_SCRIPT);
  });

  it("never prints a spec string raw", () => {
    expect(page).not.toContain("<img");
    expect(page).not.toContain("onerror=alert(2)>");
    expect(page).not.toMatch(/[\u0000\u2028\u2029]/);
    expect(page).toContain("&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;");
  });

  it("loads no external asset", () => {
    expect(page).not.toMatch(/<link|src=["']?https?:|url\(|@import/i);
  });

  it("groups rows by operation and counts categories", () => {
    const report = htmlReport([
      row(),
      row({ status: "500", category: "retryable" }),
      row({ operation: "other", category: "billing" }),
    ]);
    expect(report.match(/<tbody class="op"/g)).toHaveLength(2);
    expect(report).toMatch(/data-category="retryable"[^>]*><span class="n">1</);
    expect(report).toMatch(/data-category="terminal"[^>]*><span class="n">1</);
    expect(report).toMatch(/data-category="billing"[^>]*><span class="n">1</);
    expect(report).not.toContain('data-category="by status" aria-pressed');
  });

  it("shows operations with identical rows once; past five operations their list folds into a <details>", () => {
    const twins = ["a", "b", "c"].flatMap((name) => [
      row({ operation: name }),
      row({ operation: name, status: "500", category: "retryable" }),
    ]);
    const small = htmlReport(twins);
    expect(small.match(/<tbody class="op"/g)).toHaveLength(1);
    expect(small.match(/<tr class="variant"/g)).toHaveLength(2);
    expect(small).toContain("3 operations with the same errors:");
    expect(small).not.toContain("<details");
    const many = htmlReport(["a", "b", "c", "d", "e", "f"].map((name) => row({ operation: name })));
    expect(many).toMatch(
      /<details class="op-list"><summary class="op-meta">6 operations with the same errors \(show them\)<\/summary>(<div class="op-title">.*?<\/div>){6}<\/details>/,
    );
    expect(many).toMatch(/data-total><span class="n">6</);
  });
});
