// A loopback node:http server for the stream tests: each test gives its handler, and the server
// counts requests and records when a request's socket closed (a cancelled stream).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import type { Runtime } from "./render.js";

export interface StreamServer {
  url: string;
  requests: number;
  /** Resolves when a request's connection closes before its response ended (the client left). */
  clientLeft: Promise<void>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startStreamServer(handler: Handler): Promise<StreamServer> {
  let left!: () => void;
  const clientLeft = new Promise<void>((resolve) => (left = resolve));
  const server = createServer((req, res) => {
    state.requests++;
    res.on("close", () => {
      if (!res.writableEnded) left();
    });
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: StreamServer = {
    url: `http://127.0.0.1:${port}`,
    requests: 0,
    clientLeft,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** Writes SSE events one per tick. */
export function sse(res: ServerResponse): (text: string) => Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  return (text) => new Promise((resolve) => res.write(text, () => setImmediate(resolve)));
}

/** A test file's `serve`: every server it starts is closed after the test that started it. */
export function serverPerTest(): (handler: Handler) => Promise<StreamServer> {
  const servers: StreamServer[] = [];
  afterEach(() => Promise.all(servers.splice(0).map((s) => s.close())));
  return async (handler) => {
    const s = await startStreamServer(handler);
    servers.push(s);
    return s;
  };
}

/** send as the function of an operation that streams or returns files calls it: with the body reader. */
export const sendReadingBodies =
  (runtime: () => Runtime) =>
  (ctx: unknown, op: object, input: object, call?: object): Promise<Runtime> =>
    runtime().send(ctx, op, input, call, runtime().specialBody);
