// The error surface as a Markdown table, for READMEs and reviews.
import type { SurfaceRow } from "./error-surface.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ").replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));
}

export function markdownTable(rows: SurfaceRow[]): string {
  const header = "| API | operation | status | code | category | recovery | reason |\n|---|---|---|---|---|---|---|\n";
  const body = rows
    .map((r) => `| ${cell(r.api)} | \`${cell(r.operation)}\` ${cell(r.method)} ${cell(r.path)} | ${cell(r.status)} | ${r.code ? `\`${cell(r.code)}\`` : "—"} | ${cell(r.category)} | ${cell(r.recovery)} | ${cell(r.reason)} |`)
    .join("\n");
  return `${header}${body}\n`;
}

export function markdownCounts(rows: SurfaceRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  return [...counts].sort().map(([c, n]) => `${c}: ${n}`).join(", ");
}
