// The error surface as one self-contained HTML page: summary cards per category, filters by
// category, API and text, and one table grouped by operation. Inline CSS and JS, no external
// asset, so it can be attached to a review or opened offline. Every spec-derived string goes
// through `html()`; spec text never reaches the <script>.
import { VERSION } from "../version.js";
import type { SurfaceRow } from "./error-surface.js";
import { REPORT_SCRIPT } from "./report-html-script.js";
import { REPORT_CSS } from "./report-html-style.js";

const CATEGORIES = [
  { id: "retryable", label: "Retryable" },
  { id: "terminal", label: "Terminal" },
  { id: "billing", label: "Billing" },
  { id: "by status", label: "By status" },
];

/**
 * Text for HTML content and quoted attributes. Control characters become visible escapes: a code
 * "NUL\u0000CODE" should read as such, not vanish (browsers drop or replace NUL).
 */
export function html(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const slug = (category: string) => category.replace(/\s+/g, "-");

/** Display text at most `max` characters (a spec title can be 10,000); callers put the full text in a title attribute. */
function short(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function searchText(r: SurfaceRow): string {
  return [r.api, r.operation, r.method, r.path, r.status, r.code, r.category, r.recovery, r.reason, r.summary, r.description, r.retry.summary]
    .join(" ")
    .toLowerCase();
}

function variantRow(r: SurfaceRow): string {
  const statusClass = /^[45]/.test(r.status) ? ` s${r.status[0]}` : "";
  const code = r.code === "" ? `<span class="none">—</span>` : `<code class="code clamp" title="${html(r.code)}">${html(r.code)}</code>`;
  // The spec's own words first (clamped; full text on hover), then which rule classified it.
  const description = r.code === "" && r.description ? `<span class="description" title="${html(r.description)}">${html(r.description)}</span>` : "";
  return [
    `<tr class="variant" data-category="${html(r.category)}" data-api="${html(r.api)}" data-search="${html(searchText(r))}">`,
    `<td><span class="status${statusClass}">${html(r.status)}</span></td>`,
    `<td>${code}</td>`,
    `<td><span class="badge ${html(slug(r.category))}">${html(r.category)}</span></td>`,
    `<td class="mono">${html(r.recovery)}</td>`,
    `<td class="retry-cell"><span class="retry ${r.retry.retried === "no" ? "no" : "yes"}" title="${html(r.retry.detail)}">${html(r.retry.summary)}</span></td>`,
    `<td class="reason">${description}<span class="why clamp">${html(r.reason)}</span></td>`,
    `</tr>`,
  ].join("");
}

function operationGroup(rows: SurfaceRow[], showApi: boolean): string {
  const first = rows[0]!;
  const method = first.method.toLowerCase();
  const head =
    `<tr class="op-head"><th colspan="6"><div class="op-title">` +
    `<span class="method ${html(method)}">${html(first.method)}</span><code class="path clamp">${html(first.path)}</code>` +
    `<code class="name clamp">${html(first.operation)}</code><span class="tag">${html(first.idempotency)}</span>` +
    (showApi ? `<span class="tag" title="${html(first.api)}">${html(short(first.api, 60))}</span>` : "") +
    `</div>${first.summary ? `<div class="op-meta clamp" title="${html(first.summary)}">${html(first.summary)}</div>` : ""}</th></tr>`;
  return `<tbody class="op">${head}${rows.map(variantRow).join("")}</tbody>`;
}

/** Consecutive rows of one operation (rows arrive sorted by API, then operation). */
function groupByOperation(rows: SurfaceRow[]): SurfaceRow[][] {
  const groups: SurfaceRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1)?.[0];
    if (last && last.api === row.api && last.operation === row.operation) groups.at(-1)!.push(row);
    else groups.push([row]);
  }
  return groups;
}

function cards(rows: SurfaceRow[], operations: number): string {
  const count = (id: string) => rows.filter((r) => r.category === id).length;
  const categoryCards = CATEGORIES.filter((c) => c.id !== "by status" || count(c.id) > 0).map(
    (c) => `<button type="button" class="card ${slug(c.id)}" data-category="${c.id}" aria-pressed="true" title="Show or hide ${c.label.toLowerCase()} errors"><span class="n">${count(c.id)}</span><span class="label">${c.label}</span></button>`,
  );
  return [
    `<div class="card" data-total><span class="n">${rows.length}</span><span class="label">Error variants</span></div>`,
    ...categoryCards,
    `<div class="card" data-operations><span class="n">${operations}</span><span class="label">Operations</span></div>`,
  ].join("");
}

function apiFilter(apis: string[], rows: SurfaceRow[]): string {
  if (apis.length < 2) return "";
  const options = apis.map((a) => `<option value="${html(a)}">${html(short(a, 60))} (${rows.filter((r) => r.api === a).length})</option>`);
  return `<select id="api" aria-label="API"><option value="">All APIs</option>${options.join("")}</select>`;
}

export function htmlReport(rows: SurfaceRow[]): string {
  const apis = [...new Set(rows.map((r) => r.api))];
  const groups = groupByOperation(rows);
  const title = apis.length === 0 ? "Error surface" : short(`Error surface · ${apis.join(", ")}`, 200);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div class="page">
<header><h1>Error surface</h1><p>${apis.map((a) => `<span title="${html(a)}">${html(short(a))}</span>`).join(" · ") || "no APIs"} — every documented error, its category, recovery and retry behaviour</p></header>
<section class="cards" aria-label="Counts per category">${cards(rows, groups.length)}</section>
<div class="controls">
<input id="search" type="search" placeholder="Filter by operation, path, status, code, reason…  (press /)" aria-label="Filter rows">
${apiFilter(apis, rows)}<span id="shown" class="shown">${rows.length} error variants</span>
</div>
<table>
<colgroup><col class="w-status"><col class="w-code"><col class="w-category"><col class="w-recovery"><col class="w-retry retry-cell"><col></colgroup>
<thead><tr><th>Status</th><th>Code</th><th>Category</th><th>Recovery</th><th class="retry-cell">Retry</th><th>Reason</th></tr></thead>
${groups.map((g) => operationGroup(g, apis.length > 1)).join("\n")}
<tbody id="empty" class="empty" hidden><tr><td colspan="6">No error variants match these filters.</td></tr></tbody>
</table>
<footer>Generated by faultline ${html(VERSION)} from the classified spec. Retry shows what the generated client does with the spec's advice and the runtime defaults; client and call options can override it. Hover a retry cell for details.</footer>
</div>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
