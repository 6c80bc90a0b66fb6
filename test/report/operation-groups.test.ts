// `faultline report` counts every operation, also those that document no error, and shows the
// operations that share exactly the same error rows once, as one group (Markdown and --json here;
// the HTML page in html-report.browser.test.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { TICKETS_SPEC, TWINS_SPEC } from "./report-specs.js";

let twins: string;
let tickets: string;
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-groups-"));
  twins = path.join(dir, "twins.yaml");
  tickets = path.join(dir, "tickets.yaml");
  writeFileSync(twins, TWINS_SPEC);
  writeFileSync(tickets, TICKETS_SPEC);
});

const tableRows = (markdown: string) => markdown.split("\n").filter((line) => line.startsWith("| Twins"));

describe("report: operations counted and grouped", () => {
  it("Markdown: the summary counts all 5 operations, 1 without errors", async () => {
    const run = await runCli("report", twins);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("5 operations (1 document no error).");
  });

  it("Markdown: operations with identical rows share them; the one that differs keeps its own", async () => {
    const run = await runCli("report", twins);
    const rows = tableRows(run.out);
    // getA/getB/getC: 404, 404 NOT_FOUND, 503 once; getD: 404, 503.
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain(
      "`getA` GET /a/{id}, `getB` GET /b/{id}, `getC` GET /c/{id} (3 operations, same errors) | 404 |",
    );
    expect(rows[1]).toContain("| the 3 operations above | 404 | `NOT_FOUND` |");
    expect(rows[2]).toContain("| the 3 operations above | 503 |");
    expect(rows[3]).toContain("| `getD` GET /d/{id} | 404 |");
    expect(run.out).not.toContain("health");
  });

  it("groups only within one API: the same rows in two specs stay apart", async () => {
    const run = await runCli("report", tickets, twins);
    expect(run.out).toContain("7 operations (1 document no error).");
    expect(
      run.out
        .split("\n")
        .filter((l) => l.startsWith("| Tickets"))
        .every((l) => !l.includes("same errors")),
    ).toBe(true);
  });

  it("--json: every operation counted, error variants per operation, the rows", async () => {
    const run = await runCli("report", twins, "--json");
    expect(run).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({
      ok: true,
      format: "md",
      out: null,
      operations: 5,
      withoutErrors: 1,
      errorVariants: 11,
      apis: [{ api: "Twins", operations: 5, withoutErrors: 1 }],
    });
    expect(json.perCategory).toEqual({ retryable: 4, terminal: 7 });
    expect(json.rows).toHaveLength(11);
  });
});
