// The report page's stylesheet, inlined so the page is one file that opens anywhere, offline.
// Category colours carry meaning: amber = try again later, red = fix the request, violet = a
// plan or payment problem, slate = decided by the actual status. Dark mode follows the system.
export const REPORT_CSS = `
:root {
  --bg: #f6f7f9; --panel: #ffffff; --text: #1b2330; --muted: #5b6678; --line: #e3e7ee; --head: #eef1f6;
  --accent: #2f6feb; --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
  --retryable-fg: #8a4b00; --retryable-bg: #fff1d6; --retryable-dot: #f0a020;
  --terminal-fg: #a3172b; --terminal-bg: #fde4e7; --terminal-dot: #e5484d;
  --billing-fg: #5b2bb5; --billing-bg: #efe6ff; --billing-dot: #8e4ec6;
  --bystatus-fg: #3e4a5c; --bystatus-bg: #e6eaf0; --bystatus-dot: #8b97a8;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --panel: #171d25; --text: #e4e9f0; --muted: #98a4b5; --line: #29313c; --head: #1d2530;
    --accent: #6ea8fe; --shadow: none;
    --retryable-fg: #ffc46b; --retryable-bg: #3a2a0c; --terminal-fg: #ff9aa2; --terminal-bg: #3b1419;
    --billing-fg: #c9a7ff; --billing-bg: #2c1d4a; --bystatus-fg: #c3ccd8; --bystatus-bg: #2a323d;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.page { max-width: 1480px; margin: 0 auto; padding: 28px 32px 48px; }
header h1 { margin: 0; font-size: 24px; letter-spacing: -.01em; }
header p { margin: 4px 0 0; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 22px 0 18px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; box-shadow: var(--shadow);
  text-align: left; font: inherit; color: inherit; }
button.card { cursor: pointer; border-top: 4px solid var(--dot, var(--line)); }
button.card[aria-pressed="false"] { opacity: .45; }
button.card:focus-visible, .controls input:focus-visible, .controls select:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.card .n { display: block; font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing: .05em; }
.op-list summary { cursor: pointer; }
.card .note { display: block; color: var(--muted); font-size: 11.5px; margin-top: 2px; }
.card.retryable { --dot: var(--retryable-dot); } .card.terminal { --dot: var(--terminal-dot); }
.card.billing { --dot: var(--billing-dot); } .card.by-status { --dot: var(--bystatus-dot); }
.controls { position: sticky; top: 0; z-index: 3; display: flex; flex-wrap: wrap; gap: 10px; align-items: center;
  padding: 10px 0; background: var(--bg); }
.controls input[type=search] { flex: 1 1 320px; padding: 8px 12px; border: 1px solid var(--line); border-radius: 8px;
  background: var(--panel); color: inherit; font: inherit; }
.controls select { padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); color: inherit; font: inherit; }
.controls .shown { color: var(--muted); font-variant-numeric: tabular-nums; margin-left: auto; }
/* No overflow:hidden here: it would make the table the sticky header's scroll container. */
table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--panel); border: 1px solid var(--line);
  border-radius: 10px; box-shadow: var(--shadow); }
/* Fixed layout: column widths hold whatever a spec puts in a cell. */
table { table-layout: fixed; }
col.w-status { width: 76px; } col.w-code { width: 21%; } col.w-category { width: 118px; }
col.w-recovery { width: 156px; } col.w-retry { width: 230px; }
thead th:first-child { border-top-left-radius: 10px; } thead th:last-child { border-top-right-radius: 10px; }
thead th { position: sticky; top: 54px; z-index: 2; background: var(--head); text-align: left; font-size: 12px; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); padding: 9px 12px; border-bottom: 1px solid var(--line); }
td { padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody.op tr.variant:hover td { background: color-mix(in srgb, var(--accent) 6%, transparent); }
tr.op-head th { text-align: left; font-weight: 500; padding: 12px 12px 9px; border-bottom: 1px solid var(--line);
  background: color-mix(in srgb, var(--head) 55%, var(--panel)); }
tbody.op + tbody.op tr.op-head th { border-top: 6px solid var(--bg); }
.op-title { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
.op-title .path { font-weight: 600; font-size: 13.5px; overflow-wrap: anywhere; }
.op-title .name { color: var(--muted); }
.op-meta { margin-top: 2px; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 1px 7px; border-radius: 999px; border: 1px solid var(--line); font-size: 11.5px; color: var(--muted); }
.method { display: inline-block; min-width: 58px; text-align: center; padding: 2px 6px; border-radius: 5px; font: 700 11px/1.5 ui-monospace, monospace;
  color: #fff; background: #6b7686; }
.method.get { background: #1f8a4c; } .method.post { background: #2f6feb; } .method.put { background: #b7791f; }
.method.patch { background: #0f8a8a; } .method.delete { background: #c53030; }
.status { display: inline-block; padding: 1px 8px; border-radius: 5px; font: 600 12px/1.5 ui-monospace, monospace; background: var(--head); }
.status.s5 { color: var(--terminal-fg); }
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
.badge.retryable { color: var(--retryable-fg); background: var(--retryable-bg); }
.badge.terminal { color: var(--terminal-fg); background: var(--terminal-bg); }
.badge.billing { color: var(--billing-fg); background: var(--billing-bg); }
.badge.by-status { color: var(--bystatus-fg); background: var(--bystatus-bg); }
.code { overflow-wrap: anywhere; } .none { color: var(--muted); }
.retry { white-space: nowrap; font-size: 12.5px; }
.retry.no { color: var(--muted); }
.retry.yes { display: inline-block; padding: 1px 8px; border-radius: 6px; border: 1px solid var(--line); font-variant-numeric: tabular-nums; }
.retry.yes::before { content: "↻ "; color: var(--retryable-dot); font-weight: 700; }
.reason { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.description { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; color: var(--text);
  font-size: 12.5px; margin-bottom: 2px; }
.why { font-size: 12px; }
.empty td { text-align: center; padding: 36px; color: var(--muted); }
footer { margin-top: 18px; color: var(--muted); font-size: 12.5px; }
/* Spec text can be thousands of characters long: three lines, then an ellipsis (full text on hover). */
.clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; overflow-wrap: anywhere; }
.op-title .clamp { -webkit-line-clamp: 2; max-width: 100%; }
[hidden] { display: none !important; }
@media (max-width: 900px) { .page { padding: 16px; } .retry-cell { display: none; } }
`;
