// The per-rule count that ends `faultline lint`: on a big spec (OpenAI's: 248 warnings) it says
// which rule to fix first, and what `--rule <id>` to pass to see only those warnings.
import { LINT_RULES } from "./rules.js";

/** The id under which lint lists the flaws generate works around (its warnings; --strict refuses them). */
export const SPEC_WARNING_RULE = "spec-warning";

export const LINT_RULE_IDS: readonly string[] = [SPEC_WARNING_RULE, ...LINT_RULES.keys()];

/** Rule id -> warnings, most frequent first, ties by id: the same spec always prints the same summary. */
export function countByRule(rules: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0));
}

export function summaryLines(counts: [string, number][]): string[] {
  if (counts.length === 0) return [];
  const width = Math.max(...counts.map(([, n]) => String(n).length));
  return ["warnings per rule:", ...counts.map(([rule, n]) => `  ${String(n).padStart(width)}  ${rule}`)];
}
