// One status table: the runtime's status defaults are src/normalize/status-defaults.ts rendered
// into verdict.ts by handlebars. Every entry (407 and 428 included, which once drifted) must give
// the same verdict in the generator and in the rendered runtime.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { categoryForStatus, recoveryForStatus, STATUS_DEFAULTS } from "../../src/normalize/status-defaults.js";
import { renderRuntime } from "./render.js";

const verdict = (await import(pathToFileURL(join(renderRuntime(), "verdict.ts")).href)) as {
  statusVerdict: (status: number) => { category: string; recovery: string };
};
const exact = Object.keys(STATUS_DEFAULTS)
  .filter((k) => /^\d+$/.test(k))
  .map(Number);
// Statuses the table covers only through its 4XX / 5XX fallbacks.
const fallbacks = [400, 413, 422, 451, 500, 502, 503, 504, 520, 599];

describe("the runtime's status defaults are the generator's", () => {
  it("covers 407 and 428", () => {
    expect(exact).toEqual(expect.arrayContaining([407, 428]));
  });

  it.each([...exact, ...fallbacks])("status %i", (status) => {
    expect(verdict.statusVerdict(status)).toEqual({
      category: categoryForStatus(status),
      recovery: recoveryForStatus(status),
    });
  });
});
