// The report's table body: one <tbody> per group of operations with identical errors
// (operation-groups.ts), its head naming each operation, then one row per error variant.
import type { SurfaceRow } from "./error-surface.js";
import type { OperationGroup, OperationRef } from "./operation-groups.js";
import { html, short, slug } from "./report-html-text.js";

function searchText(r: SurfaceRow, operations: OperationRef[]): string {
  const named = operations.flatMap((o) => [o.operation, `${o.method} ${o.path}`, o.summary]);
  return [r.api, ...named, r.status, r.code, r.category, r.recovery, r.reason, r.description, r.retry.summary]
    .join(" ")
    .toLowerCase();
}

/** One row stands for the same error in each of the group's operations: data-weight counts them. */
function variantRow(r: SurfaceRow, operations: OperationRef[]): string {
  const statusClass = /^[45]/.test(r.status) ? ` s${r.status[0]}` : "";
  const code =
    r.code === ""
      ? `<span class="none">—</span>`
      : `<code class="code clamp" title="${html(r.code)}">${html(r.code)}</code>`;
  // The spec's own words first (clamped; full text on hover), then which rule classified it.
  const description =
    r.code === "" && r.description
      ? `<span class="description" title="${html(r.description)}">${html(r.description)}</span>`
      : "";
  return [
    `<tr class="variant" data-category="${html(r.category)}" data-api="${html(r.api)}" data-weight="${operations.length}" data-search="${html(searchText(r, operations))}">`,
    `<td><span class="status${statusClass}">${html(r.status)}</span></td>`,
    `<td>${code}</td>`,
    `<td><span class="badge ${html(slug(r.category))}">${html(r.category)}</span></td>`,
    `<td class="mono">${html(r.recovery)}</td>`,
    `<td class="retry-cell"><span class="retry ${r.retry.retried === "no" ? "no" : "yes"}" title="${html(r.retry.detail)}">${html(r.retry.summary)}</span></td>`,
    `<td class="reason">${description}<span class="why clamp">${html(r.reason)}</span></td>`,
    `</tr>`,
  ].join("");
}

function operationTitle(o: OperationRef, api: string | undefined): string {
  return (
    `<div class="op-title">` +
    `<span class="method ${html(o.method.toLowerCase())}">${html(o.method)}</span><code class="path clamp">${html(o.path)}</code>` +
    `<code class="name clamp">${html(o.operation)}</code><span class="tag">${html(o.idempotency)}</span>` +
    (api !== undefined ? `<span class="tag" title="${html(api)}">${html(short(api, 60))}</span>` : "") +
    `</div>`
  );
}

/** Past a few operations the list folds away, so the error rows stay in sight (OpenAI: 154 in one group). */
const OPEN_UP_TO = 5;

function operationList(titles: string[]): string {
  const label = `${titles.length} operations with the same errors`;
  if (titles.length <= OPEN_UP_TO) return `<div class="op-meta">${label}:</div>${titles.join("")}`;
  return `<details class="op-list"><summary class="op-meta">${label} (show them)</summary>${titles.join("")}</details>`;
}

export function operationGroup(group: OperationGroup, showApi: boolean): string {
  const api = showApi ? group.api : undefined;
  const [only, ...others] = group.operations;
  const titles =
    others.length === 0
      ? `${operationTitle(only!, api)}${only!.summary ? `<div class="op-meta clamp" title="${html(only!.summary)}">${html(only!.summary)}</div>` : ""}`
      : operationList(group.operations.map((o) => operationTitle(o, api)));
  const head = `<tr class="op-head"><th colspan="6">${titles}</th></tr>`;
  return `<tbody class="op" data-op-count="${group.operations.length}">${head}${group.rows.map((r) => variantRow(r, group.operations)).join("")}</tbody>`;
}
