// The vendor corpus: one real error reply per file in test/vendors/fixtures (the format is
// VendorFixture below), read and checked once. The replay test and the doc table both read it.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const FIXTURE_DIR = resolve(import.meta.dirname, "fixtures");

export type SpecRef = { openapiDirectory: string } | { octokit: string } | "default-only";

export interface VendorFixture {
  file: string;
  vendor: string;
  title: string;
  source: string;
  spec: SpecRef;
  operation: { method: string; path: string };
  reply: { status: number; headers: Record<string, string>; body: unknown };
  expect: {
    category: "retryable" | "terminal" | "billing";
    recovery: string;
    code: string | null;
    requests: number;
    waitMs: number | "backoff" | null;
    retryAfterMs?: number;
  };
}

function check(file: string, f: VendorFixture): VendorFixture {
  const problems = [
    typeof f.vendor === "string" && f.vendor ? "" : "vendor",
    typeof f.source === "string" && f.source ? "" : "source",
    typeof f.operation?.method === "string" && typeof f.operation?.path === "string" ? "" : "operation",
    Number.isInteger(f.reply?.status) ? "" : "reply.status",
    ["retryable", "terminal", "billing"].includes(f.expect?.category) ? "" : "expect.category",
    Number.isInteger(f.expect?.requests) ? "" : "expect.requests",
  ].filter(Boolean);
  if (problems.length) throw new Error(`${file}: missing or invalid ${problems.join(", ")}`);
  return { ...f, file, reply: { ...f.reply, headers: f.reply.headers ?? {} } };
}

/** Every fixture, sorted by file name (vendor first): stable order for the doc table. */
export function loadFixtures(dir = FIXTURE_DIR): VendorFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => check(f, JSON.parse(readFileSync(join(dir, f), "utf8")) as VendorFixture));
}

/** One key per spec, so a spec is generated once however many fixtures use it. */
export function specKey(spec: SpecRef, op: VendorFixture["operation"]): string {
  return spec === "default-only" ? `default-only ${op.method} ${op.path}` : JSON.stringify(spec);
}
