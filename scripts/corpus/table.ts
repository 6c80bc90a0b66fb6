// The corpus report: one row per spec, then totals. Plain text that lines up in a terminal and
// pastes into Markdown as a code block.
import path from "node:path";
import type { CorpusRow } from "./run-corpus.js";

const COLUMNS = ["spec", "ops", "errors", "retry/term/bill/dyn", "gen ms", "tsc ms", "result"] as const;
const WIDTHS = [48, 6, 7, 20, 8, 9, 0];

function pad(text: string, width: number, right: boolean): string {
  if (width === 0) return text;
  const cut = text.length > width ? `…${text.slice(text.length - width + 1)}` : text;
  return right ? cut.padStart(width) : cut.padEnd(width);
}

function line(cells: string[]): string {
  return cells
    .map((c, i) => pad(c, WIDTHS[i]!, i > 0 && i < cells.length - 1))
    .join("  ")
    .trimEnd();
}

export function tableHeader(): string {
  return `${line([...COLUMNS])}\n${line(COLUMNS.map((_, i) => "-".repeat(WIDTHS[i] || 6)))}`;
}

export function specLabel(spec: string, base = process.cwd()): string {
  const relative = path.relative(base, spec);
  return relative.startsWith("..") ? spec : relative;
}

export function tableRow(row: CorpusRow): string {
  const c = row.categories;
  const tsc = row.batchSize === 0 ? "-" : row.batchSize > 1 ? `${row.tscMs}/${row.batchSize}` : String(row.tscMs);
  const result = row.ok
    ? row.warnings > 0
      ? `ok (${row.warnings} warning${row.warnings === 1 ? "" : "s"})`
      : "ok"
    : row.failure!.startsWith("invalid spec")
      ? "INVALID SPEC"
      : "FAIL";
  const cells = [
    specLabel(row.spec),
    String(row.operations),
    String(row.errorVariants),
    `${c.retryable}/${c.terminal}/${c.billing}/${c.byStatus}`,
    String(row.ms),
    tsc,
    result,
  ];
  const detail = row.ok
    ? ""
    : `\n${row
        .failure!.split("\n")
        .map((l) => `    ${l}`)
        .join("\n")}`;
  return line(cells) + detail;
}

export function tableTotals(rows: CorpusRow[], wallMs: number, fragments: number): string {
  const sum = (f: (r: CorpusRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const ok = rows.filter((r) => r.ok).length;
  const invalid = rows.filter((r) => !r.ok && r.failure!.startsWith("invalid spec")).length;
  const warned = rows.filter((r) => r.ok && r.warnings > 0);
  return [
    line([
      "total",
      String(sum((r) => r.operations)),
      String(sum((r) => r.errorVariants)),
      `${sum((r) => r.categories.retryable)}/${sum((r) => r.categories.terminal)}/${sum((r) => r.categories.billing)}/${sum((r) => r.categories.byStatus)}`,
      String(sum((r) => r.ms)),
      "",
      "",
    ]),
    `${rows.length} specs: ${ok} ok, ${invalid} invalid spec, ${rows.length - ok - invalid} faultline failures; ${fragments} schema fragments skipped; ${(wallMs / 1000).toFixed(1)} s wall`,
    `${warned.length} of the ok specs generated with warnings (${warned.reduce((n, r) => n + r.warnings, 0)} warnings)`,
    "tsc ms: a/n = one tsc run of a ms checked a batch of n outputs",
  ].join("\n");
}
