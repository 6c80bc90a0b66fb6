// Save -> output-written latency of `faultline generate --watch`, the number that decides
// whether the design-time loop feels instant. Copies the spec (and every file it $refs) to a
// temp folder, starts the real watcher on it, then saves the root file several times (each save
// changes its bytes, so the spec hash, every header and so every output file change) and times
// each save until the watcher reports the output written. Returns the median in ms.
//
//   npx tsx bench/watch-latency.ts specs/cases.yaml [saves]
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runWatch, type WatchEvent } from "../src/cli/watch.js";
import { loadSpec } from "../src/parse/load.js";

function commonFolder(files: string[]): string {
  return files.map(path.dirname).reduce((common, dir) => {
    while (path.relative(common, dir).startsWith("..")) common = path.dirname(common);
    return common;
  });
}

export interface LatencyResult {
  medianMs: number;
  samplesMs: number[];
}

export async function measureWatchLatencySamples(specPath: string, saves = 7): Promise<LatencyResult> {
  const loaded = await loadSpec(specPath);
  const from = commonFolder(loaded.files);
  const work = await mkdtemp(path.join(tmpdir(), "faultline-watch-bench-"));
  for (const file of loaded.files) {
    await mkdir(path.dirname(path.join(work, path.relative(from, file))), { recursive: true });
    await copyFile(file, path.join(work, path.relative(from, file)));
  }
  const spec = path.join(work, path.relative(from, loaded.files[0]!));
  const events: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  const next = async (): Promise<WatchEvent> => {
    while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return events.shift()!;
  };
  const controller = new AbortController();
  const watching = runWatch({
    targets: [{ spec, output: path.join(work, "out") }],
    cwd: work,
    out: () => undefined,
    signal: controller.signal,
    onEvent: (event) => {
      events.push(event);
      wake?.();
    },
  });
  const samplesMs: number[] = [];
  try {
    const first = await next();
    if (first.error) throw new Error(`the spec does not generate: ${first.error.problem}`);
    const original = await readFile(spec, "utf8");
    const isJson = /^\s*[{[]/.test(original);
    for (let i = 1; i <= saves; i++) {
      // A comment (YAML) or trailing whitespace (JSON): new bytes, same API.
      const saved = isJson ? `${original}${" ".repeat(i)}\n` : `${original}\n# save ${i}\n`;
      const started = performance.now();
      await writeFile(spec, saved);
      const event = await next();
      if (event.error) throw new Error(`save ${i} failed: ${event.error.problem}`);
      samplesMs.push(Math.round(performance.now() - started));
    }
  } finally {
    controller.abort();
    await watching;
    await rm(work, { recursive: true, force: true });
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, samplesMs };
}

/** Median save -> output-written latency in ms (includes the watcher's 50 ms debounce). */
export async function measureWatchLatency(specPath: string, saves = 7): Promise<number> {
  return (await measureWatchLatencySamples(specPath, saves)).medianMs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const spec = process.argv[2];
  if (!spec) {
    console.error("usage: npx tsx bench/watch-latency.ts <spec> [saves]");
    process.exit(2);
  }
  const result = await measureWatchLatencySamples(spec, Number(process.argv[3] ?? 7));
  console.log(`watch latency (save -> output written), median of ${result.samplesMs.length}: ${result.medianMs} ms; samples: ${result.samplesMs.join(", ")} ms`);
}
