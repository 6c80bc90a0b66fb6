// Every seed spec's generated client and mocks, driven the way an app's test suite would drive
// them: every documented error, transport failures, chaos over a real server, msw handlers.
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SEEDS, strictTsc, writeSeedApp } from "./seed-clients.js";

const runDir = join(ROOT, ".tmp", `mocks-${process.pid}`);
afterAll(() => rmSync(runDir, { recursive: true, force: true }));

const apps = await Promise.all(
  SEEDS.map(async (seed) => {
    const dir = await writeSeedApp(runDir, seed);
    return {
      seed,
      tests: ((await import(join(dir, "app.ts"))) as { tests: Record<string, () => Promise<void>> }).tests,
    };
  }),
);

for (const { seed, tests } of apps) {
  describe(`${seed} app`, () => {
    for (const [name, run] of Object.entries(tests)) it(name, run);
  });
}

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

it("clients, mocks, msw handlers and the app suites compile under strict flags", () => {
  copyFileSync(join(import.meta.dirname, "apps/script-types.ts"), join(runDir, "cases/script-types.ts"));
  expect(strictTsc(tsFiles(runDir), runDir)).toBe("");
});

it("a script naming an undocumented status, code or operation is a compile error, and nothing else is", () => {
  const source = readFileSync(join(import.meta.dirname, "apps/script-types.ts"), "utf8").split("\n");
  // Each expectation marks the line after it; without the marks, exactly those lines must fail.
  const expected = source.flatMap((line, i) => (line.startsWith("// @ts-expect-error") ? [i + 2] : []));
  const file = join(runDir, "cases/unmarked-script.ts");
  writeFileSync(file, source.map((l) => (l.startsWith("// @ts-expect-error") ? "" : l)).join("\n"));
  const output = strictTsc([file], join(runDir, "cases"));
  const lines = [...output.matchAll(/unmarked-script\.ts\((\d+),\d+\): error TS\d+/g)].map((m) => Number(m[1]));
  expect(expected.length).toBe(6);
  expect([...new Set(lines)]).toEqual(expected);
  expect(output.split("\n").filter((l) => /error TS/.test(l) && !l.includes("unmarked-script.ts"))).toEqual([]);
});
