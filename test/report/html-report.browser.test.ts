// The HTML report in a real headless browser: the chromium that the npm package @sparticuz/chromium
// ships (so `npm install` on a machine with node and npm alone brings it), driven by playwright-core.
// The report is made by the real CLI from small inline specs, one of them carrying markup in
// every string, and is then checked the way a person would use it: counts, filters, a look.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import packagedChromium from "@sparticuz/chromium";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { HOSTILE_SPEC, TICKETS_SPEC, TWINS_SPEC } from "./report-specs.js";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Browser;
let page: Page;
let dir: string;
const dialogs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "faultline-report-"));
  writeFileSync(path.join(dir, "tickets.yaml"), TICKETS_SPEC);
  writeFileSync(path.join(dir, "hostile.yaml"), HOSTILE_SPEC);
  writeFileSync(path.join(dir, "twins.yaml"), TWINS_SPEC);
  const run = await runCli(
    "report",
    path.join(dir, "tickets.yaml"),
    path.join(dir, "hostile.yaml"),
    path.join(dir, "twins.yaml"),
    "--format",
    "html",
    "-o",
    path.join(dir, "report.html"),
  );
  expect(run).toEqual({ code: 0, out: "", err: "" });
  // The package unpacks its brotli-compressed binary into the temp folder on first use.
  browser = await chromium.launch({ executablePath: await packagedChromium.executablePath(), args: ARGS });
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${path.join(dir, "report.html")}`);
});

afterAll(async () => {
  await browser?.close();
});

const visibleRows = () => page.locator("tr.variant:visible");
const categoriesShown = () =>
  visibleRows().evaluateAll((rows) => [...new Set(rows.map((r) => (r as HTMLElement).dataset.category))].sort());
const cardCount = (selector: string) => page.locator(`${selector} .n`).innerText();

async function resetFilters(): Promise<void> {
  await page.fill("#search", "");
  await page.selectOption("#api", "");
  for (const card of await page.locator('button.card[aria-pressed="false"]').all()) await card.click();
}

describe("the HTML report in chromium", () => {
  it("renders every row, grouped by operation, with counts per category", async () => {
    // Tickets: createTicket 400 (+INVALID_TITLE), 402 (+PLAN_LIMIT_REACHED), 503; listTickets 400,
    // 429 (+RATE_LIMITED), 500. The hostile API: one 402 with two codes. 12 rows in 3 operations.
    // Twins: getA, getB, getC share 404, 404 NOT_FOUND, 503 (shown once, 9 variants); getD has
    // 404, 503; health documents no error. 23 variants, 17 rows shown, 5 groups, 8 operations.
    expect(await page.locator("tr.variant").count()).toBe(17);
    expect(await visibleRows().count()).toBe(17);
    expect(await page.locator("tbody.op").count()).toBe(5);
    expect(await cardCount("[data-total]")).toBe("23");
    expect(await cardCount("button.card.retryable")).toBe("8");
    expect(await cardCount("button.card.terminal")).toBe("10");
    expect(await cardCount("button.card.billing")).toBe("5");
    expect(await cardCount("[data-operations]")).toBe("8");
    expect(await page.locator("[data-operations]").innerText()).toContain("1 document no error");
    expect(await page.locator("#shown").innerText()).toBe("23 error variants");
  });

  it("shows operations with identical errors as one group, counted once per operation", async () => {
    await resetFilters();
    const group = page.locator("tbody.op", { hasText: "3 operations with the same errors" });
    expect(await group.locator(".op-title code.name").allInnerTexts()).toEqual(["getA", "getB", "getC"]);
    expect(await group.locator("tr.variant").count()).toBe(3);
    await page.fill("#search", "getb");
    expect(await visibleRows().count()).toBe(3);
    expect(await cardCount("[data-total]")).toBe("9");
    expect(await cardCount("[data-operations]")).toBe("3");
    expect(await page.locator("#shown").innerText()).toBe("9 of 23 error variants");
  });

  it("hides a category's rows when its card is switched off, and brings them back", async () => {
    await resetFilters();
    await page.click("button.card.terminal");
    expect(await page.getAttribute("button.card.terminal", "aria-pressed")).toBe("false");
    expect(await categoriesShown()).toEqual(["billing", "retryable"]);
    expect(await visibleRows().count()).toBe(11);
    expect(await page.locator("#shown").innerText()).toBe("13 of 23 error variants");
    await page.click("button.card.terminal");
    expect(await visibleRows().count()).toBe(17);
  });

  it("filters by text across code, path and reason, and says when nothing matches", async () => {
    await resetFilters();
    await page.fill("#search", "invalid_title");
    expect(await visibleRows().allInnerTexts()).toEqual([expect.stringContaining("INVALID_TITLE")]);
    expect(await page.locator("tbody.op:visible").count()).toBe(1);
    await page.fill("#search", "POST /tickets");
    expect(await visibleRows().count()).toBe(5);
    await page.fill("#search", "no such thing anywhere");
    expect(await visibleRows().count()).toBe(0);
    await expect(page.locator("#empty").isVisible()).resolves.toBe(true);
    expect(await cardCount("[data-operations]")).toBe("0");
  });

  it("filters by API", async () => {
    await resetFilters();
    await page.selectOption("#api", "Tickets");
    expect(
      await visibleRows().evaluateAll((rows) => [...new Set(rows.map((r) => (r as HTMLElement).dataset.api))]),
    ).toEqual(["Tickets"]);
    expect(await visibleRows().count()).toBe(9);
  });

  it("shows hostile spec text as text: no element, script or dialog comes from the spec", async () => {
    await resetFilters();
    expect(await page.locator("script").count()).toBe(1);
    expect(await page.locator("img, iframe, svg, object, embed").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const hostileText = await page.locator("tbody.op", { hasText: "<svg onload=alert(1)>" }).innerText();
    expect(hostileText).toContain("</script><script>globalThis.__pwned = 1</script>");
    expect(hostileText).toContain('<img src=x onerror="globalThis.__pwned=1">');
    expect(await page.title()).toBe("Error surface · Tickets, <script>globalThis.__pwned = 1</script>, Twins");
  });

  it("looks like something: a non-blank screenshot with a table of real size", async () => {
    await resetFilters();
    const box = await page.locator("table").boundingBox();
    expect(box!.width).toBeGreaterThan(800);
    expect(box!.height).toBeGreaterThan(300);
    const file = path.join(dir, "report.png");
    const png = await page.screenshot({ path: file, fullPage: true });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(30_000);
    // Decode the screenshot in the page itself and count colours: a blank or broken page has one or two.
    const colours = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    }, png.toString("base64"));
    expect(colours).toBeGreaterThan(20);
  });
});
