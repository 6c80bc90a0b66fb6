// The error surface as a plain HTML table (the interactive report page builds on this).
import type { SurfaceRow } from "./error-surface.js";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function htmlReport(rows: SurfaceRow[]): string {
  const body = rows.map((r) => `<tr><td>${escape(r.api)}</td><td>${escape(r.operation)}</td><td>${escape(r.status)}</td><td>${escape(r.code)}</td><td>${escape(r.category)}</td><td>${escape(r.recovery)}</td><td>${escape(r.reason)}</td></tr>`).join("\n");
  return `<!doctype html><meta charset="utf-8"><title>Error surface</title><table>\n${body}\n</table>\n`;
}
