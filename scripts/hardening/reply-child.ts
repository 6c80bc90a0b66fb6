// One client call in a process of its own, so its memory is its own: imports a generated client's
// runtime and operations table, calls one operation against the given server, and prints one JSON
// line with the outcome, the RSS growth over the call and the wall time.
// Usage: node --import tsx reply-child.ts <clientDir> <baseUrl> <operation> [optionsJson] [inputJson]
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, baseUrl, opName, optionsJson, inputJson] = process.argv.slice(2) as [
  string,
  string,
  string,
  string?,
  string?,
];
const load = (file: string) => import(pathToFileURL(join(dir, file)).href);
const { createContext, send } = await load("runtime/index.ts");
const { api, operations } = await load("operations.ts");

const before = process.memoryUsage().rss;
const start = performance.now();
const ctx = createContext({ baseUrl, headers: { "x-api-key": "KEY-SECRET" }, ...JSON.parse(optionsJson ?? "{}") }, api);
const r = await send(ctx, operations[opName], JSON.parse(inputJson ?? '{ "path": { "id": "c1" } }'));
const ms = Math.round(performance.now() - start);
let logs = "ok";
try {
  JSON.stringify(r);
} catch (e) {
  logs = `JSON.stringify throws: ${(e as Error).message}`;
}
const e = r.ok ? undefined : r.error;
const outcome = r.ok
  ? `ok ${r.status}`
  : `${e.kind} ${e.status ?? ""} ${e.bodyTruncated ? "bodyTruncated " : ""}attempts=${e.attempts}: ${String(e.message).slice(0, 80)}`;
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    outcome,
    logs,
    ms,
    growthMB: Math.round((peak - before) / 2 ** 20),
    peakMB: Math.round(peak / 2 ** 20),
  }),
);
