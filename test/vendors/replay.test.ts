// Every vendor fixture replayed end to end: a loopback server sends the recorded reply, the runtime
// generated from the vendor's own spec classifies it and decides whether and when to retry.
// Asserts what the fixture's author read in the vendor's docs: category, recovery, code, the number
// of requests and the wait before the first retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "../runtime/render.js";
import { loadFixtures, specKey, type VendorFixture } from "./fixtures.js";
import { generateFor, recordingClock, replyServer, type Generated } from "./replay.js";

const fixtures = loadFixtures();
const generated = new Map<string, Promise<Generated>>();
let rt: Runtime;
let server: Awaited<ReturnType<typeof replyServer>>;

beforeAll(async () => {
  rt = await loadRuntime();
  // Every spec generated before the first request: a big one (Microsoft Graph) takes seconds,
  // longer than a server keeps an idle connection, and a stale socket is not what is under test.
  for (const f of fixtures) {
    const key = specKey(f.spec, f.operation);
    if (!generated.has(key)) generated.set(key, generateFor(f.spec, f.operation));
  }
  await Promise.all(generated.values());
  server = await replyServer();
});
afterAll(() => server.close());

/** Fills every path template with a harmless value: the server answers every path alike. */
const pathValues = (path: string) => Object.fromEntries([...path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], "x"]));

async function replay(f: VendorFixture) {
  const data = await generated.get(specKey(f.spec, f.operation))!;
  const name = data.names.get(`${f.operation.method.toUpperCase()} ${f.operation.path}`);
  if (!name) throw new Error(`${f.file}: ${f.operation.method} ${f.operation.path} is not an operation of its spec`);
  const { waits, clock } = recordingClock();
  server.serve(f.reply);
  const ctx = rt.createContext({ baseUrl: server.url, clock, random: () => 0.5 }, data.api);
  const result = await rt.send(ctx, data.operations[name], { path: pathValues(f.operation.path) });
  return { result, waits, requests: server.count() };
}

describe.each(fixtures.map((f) => [f.file, f] as const))("%s", (_file, f) => {
  it(`${f.vendor}: ${f.title}`, async () => {
    const { result, waits, requests } = await replay(f);
    expect(result.ok, "the reply is an error").toBe(false);
    const e = result.error;
    const want = f.expect;
    expect({ category: e.category, recovery: e.recovery, code: e.rawCode ?? null }).toEqual({
      category: want.category,
      recovery: want.recovery,
      code: want.code,
    });
    expect(requests).toBe(want.requests);
    const firstWait = waits[0] ?? null;
    if (want.waitMs === "backoff") expect(firstWait).toBe(rt.backoffDelay(0, rt.DEFAULT_RETRY_POLICY, () => 0.5));
    else expect(firstWait).toBe(want.waitMs);
    if (want.retryAfterMs !== undefined) expect(e.retryAfterMs).toBe(want.retryAfterMs);
    // Every error says which layer decided it.
    expect(["call", "config", "server", "spec", "vocabulary", "status"]).toContain(e.reason);
  });
});
