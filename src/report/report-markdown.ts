// The error surface as a Markdown table, for READMEs and reviews. Operations with identical
// errors share rows (operation-groups.ts): the first row lists them, the next ones refer back.
import type { SurfaceRow } from "./error-surface.js";
import { groupOperations, type OperationGroup } from "./operation-groups.js";

function cell(text: string): string {
  return text
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));
}

function operationsCell(group: OperationGroup, firstRow: boolean): string {
  const named = group.operations.map((o) => `\`${cell(o.operation)}\` ${cell(o.method)} ${cell(o.path)}`);
  if (named.length === 1) return named[0]!;
  return firstRow
    ? `${named.join(", ")} (${named.length} operations, same errors)`
    : `the ${named.length} operations above`;
}

export function markdownTable(rows: SurfaceRow[]): string {
  const header = "| API | operation | status | code | category | recovery | reason |\n|---|---|---|---|---|---|---|\n";
  const body = groupOperations(rows)
    .flatMap((group) =>
      group.rows.map(
        (r, i) =>
          `| ${cell(r.api)} | ${operationsCell(group, i === 0)} | ${cell(r.status)} | ${r.code ? `\`${cell(r.code)}\`` : "—"} | ${cell(r.category)} | ${cell(r.recovery)} | ${cell(r.reason)} |`,
      ),
    )
    .join("\n");
  return `${header}${body}\n`;
}

export function markdownCounts(rows: SurfaceRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  return [...counts]
    .sort()
    .map(([c, n]) => `${c}: ${n}`)
    .join(", ");
}
