// The generated client at run time and at design time, measured by call-overhead.ts,
// runtime-size.ts and watch-latency.ts; these sections only put their numbers in RESULTS.md.
import path from "node:path";
import { measureCallOverhead } from "./call-overhead.js";
import { measureRuntimeSize } from "./runtime-size.js";
import { markdownTable, type Section } from "./section.js";
import { DEBOUNCE_MS } from "../src/cli/watch.js";
import { measureWatchLatencySamples } from "./watch-latency.js";

const REPO = path.resolve(import.meta.dirname, "..");

export const callOverheadSection: Section = {
  title: "Runtime call overhead vs bare fetch",
  async run(ctx) {
    const r = await measureCallOverhead(ctx.quick ? 10 : 40);
    ctx.log(`  call overhead: ${r.overheadPercent.toFixed(1)}%`);
    const [q1, q3] = r.overheadQuartilesPercent.map((p) => `${p.toFixed(1)}%`);
    const rows = [
      [
        `${r.fetchMedianUs.toFixed(0)} µs`,
        `${r.clientMedianUs.toFixed(0)} µs`,
        `${r.overheadPercent.toFixed(1)}%`,
        `${q1} to ${q3}`,
      ],
    ];
    const about =
      `A successful GET on loopback (generated-samples/prompts) against a server in a child process. ` +
      `${r.rounds} rounds of ${r.requestsPerRound} bare/client pairs, calls alternating one by one; each round's ratio of median calls, ` +
      `then the median of those ratios. Target: <= 5%.`;
    return `${about}\n\n${markdownTable(["bare fetch", "generated client", "overhead", "middle half of rounds"], rows)}`;
  },
};

export const runtimeSizeSection: Section = {
  title: "Runtime size, minified + gzip",
  async run(ctx) {
    const r = await measureRuntimeSize();
    ctx.log(`  runtime: ${r.gzipBytes} B gzip`);
    return `Every runtime module bundled and minified by esbuild, gzip level 9. Target: <= 7 KB (4 KB before run-time classification and the body, redirect and option guards).\n\n${markdownTable(["minified", "min + gzip"], [[`${r.minifiedBytes} B`, `${r.gzipBytes} B`]])}`;
  },
};

export const watchLatencySection: Section = {
  title: "Watch latency: save to output written",
  async run(ctx) {
    const spec = path.join(REPO, "specs", "cases.yaml");
    const saves = ctx.quick ? 3 : 15;
    const rows: string[][] = [];
    for (const kind of ["edit", "touch"] as const) {
      const r = await measureWatchLatencySamples(spec, saves, kind);
      ctx.log(`  watch latency (${kind}): ${r.medianMs} ms`);
      rows.push([
        kind === "edit" ? "edit: an error response added/changed" : "touch: new bytes, same API",
        `${r.medianMs} ms`,
        r.samplesMs.map((s) => `${s}`).join(", ") + " ms",
      ]);
    }
    const about = `\`faultline generate --watch\` on specs/cases.yaml, ${saves} saves of each kind, from the write to the output written (includes the ${DEBOUNCE_MS} ms debounce). Target: <= 100 ms.`;
    return `${about}\n\n${markdownTable(["save", "median", "samples"], rows)}`;
  },
};
