// docs/vendor-errors.md is generated from the fixtures: a stale doc fails here (fix: npm run vendor-table).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { DOC, vendorTable } from "../../scripts/vendor-table.js";
import { loadFixtures } from "./fixtures.js";

it("docs/vendor-errors.md matches the fixtures (regenerate with npm run vendor-table)", () => {
  expect(readFileSync(DOC, "utf8")).toBe(vendorTable(loadFixtures()));
});

it("the table has one row per fixture, with its status and verdict", () => {
  const fixtures = loadFixtures();
  const rows = vendorTable(fixtures)
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| Vendor") && !l.startsWith("| ---"));
  expect(rows).toHaveLength(fixtures.length);
  for (const [i, f] of fixtures.entries()) expect(rows[i]).toContain(`| ${f.reply.status} |`);
});
