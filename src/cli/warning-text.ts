// How a spec's warnings read on stderr: a count, then each warning (where, what, what faultline
// did, how to fix), at most MAX_SHOWN of them so a spec with hundreds does not bury the output;
// --json lists them all.
import { formatWarning, type SpecWarning } from "../diagnostics.js";
import type { Style } from "./terminal.js";

const MAX_SHOWN = 20;

export function describeWarnings(spec: string, warnings: SpecWarning[], style: Style, asErrors = false): string {
  if (warnings.length === 0) return "";
  const label = asErrors ? style.red("error:") : style.yellow("warning:");
  const count = `${spec}: ${warnings.length} warning${warnings.length === 1 ? "" : "s"}${asErrors ? " (--strict: refused, nothing written)" : ""}`;
  const shown = warnings.slice(0, MAX_SHOWN).map((w) => `${label} ${formatWarning(w)}`);
  const more =
    warnings.length > MAX_SHOWN ? [`... and ${warnings.length - MAX_SHOWN} more (--json lists every one)`] : [];
  return `${[count, ...shown, ...more].join("\n")}\n`;
}
