// How outcomes read, for people (a line per target, the error-surface diff under it) and for
// machines (--json). Shared by `generate`, `--check` and `--watch`.
import type { Diagnostic, SpecWarning } from "../diagnostics.js";
import type { TargetOutcome } from "./run-target.js";
import { formatChange, type SurfaceChange } from "../report/surface-diff.js";
import type { Style } from "./terminal.js";

export function isStale(outcome: TargetOutcome): boolean {
  return outcome.written.length + outcome.removed.length > 0;
}

function changeLine(change: SurfaceChange, style: Style): string {
  const text = formatChange(change);
  if (change.kind === "variant-added" || change.kind === "operation-added") return style.green(`+ ${text}`);
  if (change.kind === "variant-removed" || change.kind === "operation-removed") return style.red(`- ${text}`);
  return style.yellow(`~ ${text}`);
}

/** The error-surface diff, one indented line per change. */
export function changeLines(outcome: TargetOutcome, style: Style, check: boolean): string[] {
  if (!outcome.hadSurface)
    return check ? ["  error surface: the output folder has no error-surface.json to compare with"] : [];
  if (outcome.changes.length === 0) return check ? ["  error surface: unchanged"] : [];
  return ["  error surface:", ...outcome.changes.map((c) => `    ${changeLine(c, style)}`)];
}

export function describeOutcome(outcome: TargetOutcome, style: Style, check: boolean): string {
  const changed = outcome.written.length + outcome.removed.length;
  let what: string;
  if (check) {
    what =
      changed === 0
        ? style.green("up to date")
        : style.bold(style.red(`STALE (${changed} file${changed === 1 ? "" : "s"} differ${changed === 1 ? "s" : ""})`));
  } else {
    what =
      changed === 0
        ? "unchanged"
        : `${outcome.written.length} written, ${outcome.removed.length} removed, ${outcome.unchanged.length} unchanged`;
  }
  const lines = [
    `${outcome.spec} -> ${outcome.output}: ${outcome.operations} operations, ${outcome.errorVariants} error variants, ${what} ${style.dim(`(${outcome.ms} ms)`)}`,
  ];
  lines.push(...changeLines(outcome, style, check && changed > 0));
  if (check && changed > 0)
    lines.push(`  files: ${[...outcome.written, ...outcome.removed.map((r) => `${r} (to remove)`)].join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export type JsonTarget =
  | ({ ok: true } & Omit<TargetOutcome, "changes"> & { changes: (SurfaceChange & { text: string })[] })
  | { ok: false; spec: string; output: string; error: Diagnostic; warnings?: SpecWarning[] };

export function jsonTarget(outcome: TargetOutcome): JsonTarget {
  return { ok: true, ...outcome, changes: outcome.changes.map((c) => ({ ...c, text: formatChange(c) })) };
}
