// Every seed spec's generated client and mocks, driven the way an app's test suite would drive
// them: every documented error, transport failures, chaos over a real server, msw handlers.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { ROOT, SEEDS, writeSeedApp } from "./seed-clients.js";

const runDir = join(ROOT, ".tmp", `mocks-${process.pid}`);
afterAll(() => rmSync(runDir, { recursive: true, force: true }));

const apps = await Promise.all(
  SEEDS.map(async (seed) => {
    const dir = await writeSeedApp(runDir, seed);
    return { seed, tests: ((await import(join(dir, "app.ts"))) as { tests: Record<string, () => Promise<void>> }).tests };
  }),
);

for (const { seed, tests } of apps) {
  describe(`${seed} app`, () => {
    for (const [name, run] of Object.entries(tests)) it(name, run);
  });
}
