// npx tsx bench/compare-builds.ts <other checkout> [runs] [tscRuns] [spec]: this checkout's CLI
// against another checkout's (its dist/ built), with openapi-typescript's CLI as the yardstick,
// runs interleaved, on GitHub's spec unless told. For a change's before/after table (issue 16).
// Besides wall time it reports CPU time (user+sys, from GNU time): on a shared machine, other
// processes stretch wall times by multiples, CPU time much less.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { typecheckOutputs } from "../scripts/corpus/typecheck.js";
import { median } from "./measure.js";
import { markdownTable, ratio, seconds } from "./section.js";
import { githubSpec } from "./specs.js";
import { OPENAPI_TYPESCRIPT } from "./tools.js";

const [other, runsArg, tscArg, specArg] = process.argv.slice(2);
if (!other) throw new Error("usage: npx tsx bench/compare-builds.ts <other checkout> [runs] [tscRuns] [spec]");
const runs = Number(runsArg ?? 3);
const tscRuns = Number(tscArg ?? 0);
const spec = specArg ? path.resolve(specArg) : githubSpec().file;
const work = mkdtempSync(path.join(tmpdir(), "faultline-compare-"));
const faultline = (repo: string) => (file: string, out: string) => [
  path.join(repo, "bin", "faultline.js"),
  "generate",
  file,
  "-o",
  out,
  "--quiet",
];
const tools = [
  { name: `faultline (${path.resolve(other)})`, args: faultline(path.resolve(other)) },
  { name: "faultline (this checkout)", args: faultline(path.resolve(import.meta.dirname, "..")) },
  { name: "openapi-typescript", args: OPENAPI_TYPESCRIPT.args },
];
const outDir = (index: number) => path.join(work, `tool-${index}`);

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakMiB: number;
}
const samples = tools.map((): Sample[] => []);
for (let run = 1; run <= runs; run++) {
  for (const [index, tool] of tools.entries()) {
    rmSync(outDir(index), { recursive: true, force: true });
    const started = performance.now();
    const result = spawnSync("/usr/bin/time", ["-v", process.execPath, ...tool.args(spec, outDir(index))], {
      cwd: work,
      encoding: "utf8",
    });
    const wallMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`${tool.name} failed:\n${result.stderr.slice(-2000)}`);
    const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(result.stderr)?.[1]);
    const sample = {
      wallMs,
      cpuMs: (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000,
      peakMiB: field("Maximum resident set size \\(kbytes\\)") / 1024,
    };
    samples[index]!.push(sample);
    process.stderr.write(
      `${tool.name} run ${run}: ${seconds(sample.wallMs)} wall, ${seconds(sample.cpuMs)} CPU, ${sample.peakMiB.toFixed(0)} MiB\n`,
    );
  }
}
const summary = samples.map((list) => ({
  wall: median(list.map((s) => s.wallMs)),
  cpu: median(list.map((s) => s.cpuMs)),
  peak: median(list.map((s) => s.peakMiB)),
}));
const base = summary[2]!;
const rows = tools.map((tool, i) => {
  const s = summary[i]!;
  return [
    tool.name,
    seconds(s.wall),
    ratio(s.wall, base.wall),
    seconds(s.cpu),
    ratio(s.cpu, base.cpu),
    `${s.peak.toFixed(0)} MiB`,
    ratio(s.peak, base.peak),
  ];
});
const parts = [
  `${path.basename(spec)}, median of ${runs} interleaved cold runs (GNU time -v):`,
  "",
  markdownTable(
    [
      "tool",
      "wall",
      "vs openapi-typescript",
      "CPU (user+sys)",
      "vs openapi-typescript",
      "peak RSS",
      "vs openapi-typescript",
    ],
    rows,
  ),
];

if (tscRuns > 0) {
  const times = tools.map((): number[] => []);
  for (let run = 1; run <= tscRuns; run++) {
    for (const index of tools.keys()) {
      const checked = await typecheckOutputs(work, [outDir(index)], `tsconfig.tool-${index}.json`);
      times[index]!.push(checked.ms);
      process.stderr.write(
        `tsc ${tools[index]!.name} run ${run}: ${seconds(checked.ms)}, ${checked.errors.get(outDir(index))?.length ?? 0} errors\n`,
      );
    }
  }
  const tscBase = median(times[2]!);
  const tscRows = tools.map((tool, i) => [tool.name, seconds(median(times[i]!)), ratio(median(times[i]!), tscBase)]);
  parts.push(
    "",
    `tsc --noEmit on each output, median of ${tscRuns}:`,
    "",
    markdownTable(["tool", "tsc --noEmit", "vs openapi-typescript"], tscRows),
  );
}
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${parts.join("\n")}\n`);
