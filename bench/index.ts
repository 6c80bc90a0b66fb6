// npm run bench [-- --quick] [-- --only=bundle]: faultline against openapi-typescript (types only), orval and
// @hey-api/openapi-ts, as whole cold CLI runs, then tsc on each GitHub output, then the
// runtime's call overhead and size and the watch loop's latency. Writes bench/RESULTS.md with the
// machine's description. Each measurement is a Section (section.ts); to add one, write it in its
// own file and append it to SECTIONS.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { generationSection } from "./generation.js";
import { describeMachine, machineMarkdown } from "./machine.js";
import type { BenchContext, Section } from "./section.js";
import { callOverheadSection, runtimeSizeSection, watchLatencySection } from "./runtime-sections.js";
import { typecheckSection } from "./typecheck.js";
import { bundleSizeSection } from "./bundle-size.js";

const SECTIONS: Section[] = [
  generationSection,
  typecheckSection,
  callOverheadSection,
  runtimeSizeSection,
  bundleSizeSection,
  watchLatencySection,
];

const REPO = path.resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");
// --only=<words>: the sections whose title contains the words, printed but not saved (a partial
// RESULTS.md would drop the other sections' numbers).
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .toLowerCase();
const chosen = only ? SECTIONS.filter((s) => s.title.toLowerCase().includes(only)) : SECTIONS;
const ctx: BenchContext = {
  quick,
  runs: quick ? 1 : 5,
  workDir: mkdtempSync(path.join(tmpdir(), "faultline-bench-")),
  log: (line) => process.stderr.write(`${line}\n`),
};

// The CLI under test is the compiled one users run (bin/faultline.js -> dist/), so build first.
ctx.log("building dist/ (tsc -p tsconfig.build.json)");
execFileSync(
  process.execPath,
  [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", path.join(REPO, "tsconfig.build.json")],
  { stdio: "inherit" },
);

const machine = describeMachine();
const parts = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench${quick ? " -- --quick" : ""}\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machineMarkdown(machine)}.`,
];
try {
  for (const section of chosen) {
    ctx.log(`== ${section.title}`);
    const started = performance.now();
    const body = await section.run(ctx);
    parts.push(
      "",
      `## ${section.title}`,
      "",
      body,
      "",
      `_Section took ${((performance.now() - started) / 1000).toFixed(0)} s._`,
    );
  }
} finally {
  rmSync(ctx.workDir, { recursive: true, force: true });
}
const markdown = `${parts.join("\n")}\n`;
if (!only) writeFileSync(path.join(REPO, "bench", "RESULTS.md"), markdown);
process.stdout.write(markdown);
