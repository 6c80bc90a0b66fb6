// The generated client (generated-samples/cases, made from specs/cases.yaml) against hostile
// loopback servers, each call in a child process of its own: peak RSS, growth over the call,
// wall time and outcome per reply, each checked against the bound stated here. Exit 1 when one
// is exceeded.   npx tsx scripts/hardening/replies.ts
import { fileURLToPath } from "node:url";
import { startHostileServer, type Reply } from "./hostile-server.js";
import { runChild, type ChildReport } from "./run-child.js";

const CLIENT = fileURLToPath(new URL("../../generated-samples/cases", import.meta.url));

interface Case {
  reply: Reply;
  /** What the case shows. */
  title: string;
  operation?: string;
  options?: object;
  input?: object;
  /** The outcome must match this. */
  outcome: RegExp;
  /** Bounds: RSS growth over the call (MB) and wall time (ms). */
  maxGrowthMB: number;
  maxMs: number;
}

const CASES: Case[] = [
  {
    reply: "huge-error",
    title: "200 MB error body, 3 attempts",
    outcome: /^http 500 bodyTruncated attempts=3/,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
  {
    reply: "endless-error",
    title: "endless error body, no timeoutMs",
    outcome: /^http 500 bodyTruncated attempts=3/,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
  {
    reply: "endless-success",
    title: "endless 200 body, default maxBodyBytes (32 MiB)",
    outcome: /^network .*maxBodyBytes/,
    maxGrowthMB: 300,
    maxMs: 60_000,
  },
  {
    reply: "endless-success",
    title: "endless 200 body, maxBodyBytes 1 MiB",
    options: { maxBodyBytes: 2 ** 20 },
    outcome: /^network .*maxBodyBytes/,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
  { reply: "huge-headers", title: "1 MB response header", outcome: /^network /, maxGrowthMB: 100, maxMs: 30_000 },
  {
    reply: "slow-drip",
    title: "error body dripping forever, timeoutMs 1000",
    options: { timeoutMs: 1000 },
    outcome: /^timeout /,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
  {
    reply: "cross-origin-redirect",
    title: "GET 307 to another origin",
    outcome: /^ok 200/,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
  {
    reply: "cross-origin-redirect",
    title: "POST 307 to another origin",
    operation: "createCase",
    input: { body: { instructions: "BODY-SECRET" } },
    outcome: /^http 307 /,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
  {
    reply: "deep-json-error",
    title: "error body nested 400,000 deep",
    outcome: /^http 500 /,
    maxGrowthMB: 100,
    maxMs: 30_000,
  },
];

export interface ReplyRow extends ChildReport {
  title: string;
  /** Every bound this case broke; empty when it held. */
  broken: string[];
}

async function runCase(c: Case): Promise<ReplyRow> {
  const server = await startHostileServer(c.reply);
  try {
    const report = await runChild(
      CLIENT,
      server.url,
      c.operation ?? "getCase",
      c.options,
      c.input,
      c.maxMs + 10_000,
    ).catch((e: Error): ChildReport => ({
      outcome: `child failed: ${e.message.slice(0, 200)}`,
      logs: "-",
      ms: NaN,
      growthMB: NaN,
      peakMB: NaN,
    }));
    const broken: string[] = [];
    if (!c.outcome.test(report.outcome)) broken.push(`outcome should match ${c.outcome}`);
    if (!(report.growthMB < c.maxGrowthMB)) broken.push(`RSS growth ${report.growthMB} MB >= ${c.maxGrowthMB} MB`);
    if (!(report.ms < c.maxMs)) broken.push(`wall ${report.ms} ms >= ${c.maxMs} ms`);
    if (report.logs !== "ok") broken.push(`logging the result: ${report.logs}`);
    const leaked = server.seenElsewhere.filter(
      (h) => JSON.stringify(h).includes("SECRET") || h["content-length"] !== undefined,
    );
    if (leaked.length) broken.push(`the other origin received a credential or a body: ${JSON.stringify(leaked[0])}`);
    return { title: c.title, ...report, broken };
  } finally {
    await server.close();
  }
}

/** Runs every case one after another (memory is measured per process; parallel runs would skew time). */
export async function hardenReplies(print: (line: string) => void = console.log): Promise<ReplyRow[]> {
  const rows: ReplyRow[] = [];
  print("reply | peak RSS MB | RSS growth MB (bound) | wall ms (bound) | outcome");
  for (const c of CASES) {
    const row = await runCase(c);
    rows.push(row);
    const mark = row.broken.length ? `  EXCEEDED: ${row.broken.join("; ")}` : "";
    print(
      `${c.title} | ${row.peakMB} | ${row.growthMB} (< ${c.maxGrowthMB}) | ${row.ms} (< ${c.maxMs}) | ${row.outcome}${mark}`,
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await hardenReplies();
  process.exitCode = rows.some((r) => r.broken.length) ? 1 : 0;
}
