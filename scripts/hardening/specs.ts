// Peak memory and time of `faultline generate` on every hostile spec, each in its own process
// (the built CLI, node bin/faultline.js), as a table. Each run must stay under the bounds and end
// with the expected exit code; a run over its time bound is killed. Exits 1 when any run fails.
// Alone: npx tsx scripts/hardening/specs.ts   (builds dist/ first: npx tsc -p tsconfig.build.json)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { committedSpecs, madeSpecs, type HostileSpec } from "./hostile-specs.js";

export interface SpecBounds {
  /** Peak resident set size of the whole process. */
  maxRssBytes: number;
  /** Wall time; the process is killed after it. */
  maxMs: number;
}

/** Measured: 66-169 MB and 0.5-4.3 s per run on 2 busy cores (docs/security.md); the bounds leave room for a slower machine. */
export const SPEC_BOUNDS: SpecBounds = { maxRssBytes: 256 * 1024 * 1024, maxMs: 30_000 };

export interface SpecMeasurement {
  name: string;
  exitCode: number | null;
  expectedExit: number;
  rssBytes: number | undefined;
  ms: number;
  ok: boolean;
  why?: string;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/faultline.js");
const REPORTER = path.join(import.meta.dirname, "rss-reporter.cjs");

function runOne(spec: HostileSpec, work: string, bounds: SpecBounds): Promise<SpecMeasurement> {
  const rssFile = path.join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const out = mkdtempSync(path.join(work, "out-"));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--require", REPORTER, BIN, "generate", ...spec.args, "-o", out, "--quiet"],
      {
        cwd: work,
        env: { ...process.env, FAULTLINE_RSS_FILE: rssFile, NO_COLOR: "1" },
        stdio: "ignore",
      },
    );
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, bounds.maxMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      let rssBytes: number | undefined;
      try {
        rssBytes = Number(readFileSync(rssFile, "utf8"));
      } catch {
        rssBytes = undefined; // killed: it never reached its exit handler
      }
      const why = killed
        ? `killed after ${bounds.maxMs} ms`
        : code !== spec.expectedExit
          ? `exit ${code}, expected ${spec.expectedExit}`
          : rssBytes === undefined || rssBytes > bounds.maxRssBytes
            ? "peak RSS over the bound"
            : undefined;
      resolve({
        name: spec.name,
        exitCode: code,
        expectedExit: spec.expectedExit,
        rssBytes,
        ms,
        ok: why === undefined,
        ...(why ? { why } : {}),
      });
    });
  });
}

const mb = (bytes: number | undefined) => (bytes === undefined ? "-" : (bytes / 1024 / 1024).toFixed(0));

export function specTable(rows: SpecMeasurement[], bounds: SpecBounds = SPEC_BOUNDS): string {
  const width = Math.max(...rows.map((r) => r.name.length), 4);
  const lines = [
    `generate on hostile specs (bounds: peak RSS <= ${mb(bounds.maxRssBytes)} MB, wall <= ${bounds.maxMs / 1000} s, exit as expected)`,
    `${"spec".padEnd(width)}  exit  peak RSS MB  wall ms  result`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(width)}  ${String(r.exitCode ?? "-").padStart(4)}  ${mb(r.rssBytes).padStart(11)}  ${r.ms.toFixed(0).padStart(7)}  ${r.ok ? "ok" : `FAIL: ${r.why}`}`,
    ),
  ];
  const peak = Math.max(...rows.map((r) => r.rssBytes ?? 0));
  lines.push(
    `${rows.filter((r) => r.ok).length}/${rows.length} within bounds; highest peak RSS ${mb(peak)} MB, slowest ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms`,
  );
  return lines.join("\n");
}

/** Runs every hostile spec in turn (one at a time: peak RSS is per process, and timings stay honest). */
export async function measureHostileSpecs(
  options: { bounds?: SpecBounds; onRow?: (row: SpecMeasurement) => void } = {},
): Promise<SpecMeasurement[]> {
  const bounds = options.bounds ?? SPEC_BOUNDS;
  const work = mkdtempSync(path.join(tmpdir(), "faultline-hardening-"));
  try {
    const rows: SpecMeasurement[] = [];
    for (const spec of [...committedSpecs(), ...madeSpecs(work)]) {
      const row = await runOne(spec, work, bounds);
      rows.push(row);
      options.onRow?.(row);
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await measureHostileSpecs({ onRow: (r) => process.stderr.write(`${r.ok ? "." : "x"}`) });
  process.stdout.write(`\n${specTable(rows)}\n`);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}
