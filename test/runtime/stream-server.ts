// A loopback node:http server for the stream tests: each test gives its handler, and the server
// counts requests and records when a request's socket closed (a cancelled stream).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StreamServer {
  url: string;
  requests: number;
  /** Resolves when a request's connection closes before its response ended (the client left). */
  clientLeft: Promise<void>;
  close(): Promise<void>;
}

export async function startStreamServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<StreamServer> {
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
