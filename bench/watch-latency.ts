// Save -> output-written latency of `faultline generate --watch`, the number that decides
// whether the design-time loop feels instant. Copies the spec (and every file it $refs) to a
// temp folder, starts the real watcher on it, then saves the root file several times and times
// each save until the watcher reports the output written. Two kinds of save:
//   - "edit": what an API designer does, an error response added to (or its description changed
//     on) the first operation: schema.ts, types.ts, operations.ts and the surface all change;
//   - "touch": new bytes, same API (a comment or trailing whitespace), e.g. an editor's autosave.
// Returns the median in ms.
//
//   npx tsx bench/watch-latency.ts specs/cases.yaml [saves] [edit|touch]
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { runWatch, type WatchEvent } from "../src/cli/watch.js";
import { loadSpec } from "../src/parse/load.js";

function commonFolder(files: string[]): string {
  return files
    .map((file) => path.dirname(file))
    .reduce((common, dir) => {
      while (path.relative(common, dir).startsWith("..")) common = path.dirname(common);
      return common;
    });
}

export interface LatencyResult {
  medianMs: number;
  samplesMs: number[];
}

export type SaveKind = "edit" | "touch";

/** The root file's text for save number `i`: always new bytes; for "edit", a changed API too. */
function savedText(original: string, isJson: boolean, kind: SaveKind, i: number): string {
  if (kind === "touch") return isJson ? `${original}${" ".repeat(i)}\n` : `${original}\n# save ${i}\n`;
  const doc = (isJson ? JSON.parse(original) : parseYaml(original)) as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  };
  const operation = Object.values(Object.values(doc.paths)[0]!).find(
    (o) => typeof o === "object" && o !== null && "responses" in o,
  )!;
  operation.responses!["418"] = {
    description: `Save ${i}: the teapot refuses.`,
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: { code: { type: "string", enum: [`TEAPOT_${i}`] }, message: { type: "string" } },
            },
          },
        },
      },
    },
  };
  return isJson ? JSON.stringify(doc, null, 2) : stringifyYaml(doc, { lineWidth: 0 });
}

export async function measureWatchLatencySamples(
  specPath: string,
  saves = 7,
  kind: SaveKind = "edit",
): Promise<LatencyResult> {
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
      const saved = savedText(original, isJson, kind, i);
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

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const spec = process.argv[2];
  if (!spec) {
    console.error("usage: npx tsx bench/watch-latency.ts <spec> [saves] [edit|touch]");
    process.exit(2);
  }
  const kind = process.argv[4] === "touch" ? "touch" : "edit";
  const result = await measureWatchLatencySamples(spec, Number(process.argv[3] ?? 7), kind);
  console.log(
    `watch latency (${kind} save -> output written), median of ${result.samplesMs.length}: ${result.medianMs} ms; samples: ${result.samplesMs.join(", ")} ms`,
  );
}
