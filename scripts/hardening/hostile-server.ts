// Loopback servers that answer like a hostile or broken API: bodies too big or endless, headers
// too big, a body that drips, a redirect to another origin, JSON nested a million deep. Each
// records what it saw (the redirect target records request headers) and when each socket closed.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Reply =
  | "huge-error"
  | "endless-error"
  | "endless-success"
  | "huge-headers"
  | "slow-drip"
  | "cross-origin-redirect"
  | "deep-json-error";

const CHUNK = Buffer.alloc(64 * 1024, "x");
const MB = 1024 * 1024;

/** Writes `total` bytes (Infinity: forever) of filler as fast as the client reads them. */
function pour(res: ServerResponse, total: number) {
  let sent = 0;
  const more = () => {
    while (sent < total) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once("drain", more);
    }
    res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  more();
}

export interface HostileServer {
  url: string;
  /** Headers of every request the redirect target received. */
  seenElsewhere: IncomingHttpHeaders[];
  /** Sockets opened and sockets closed so far. */
  sockets: { opened: number; closed: number };
  close(): Promise<void>;
}

function listen(handler: Parameters<typeof createServer>[1], sockets: { opened: number; closed: number }) {
  const server = createServer(handler);
  server.on("connection", (s: Socket) => (sockets.opened++, s.on("close", () => sockets.closed++)));
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const close = () => (server.closeAllConnections(), new Promise<void>((r) => server.close(() => r())));
      resolve({ url, close });
    }),
  );
}

export async function startHostileServer(reply: Reply): Promise<HostileServer> {
  const sockets = { opened: 0, closed: 0 };
  const seenElsewhere: IncomingHttpHeaders[] = [];
  const elsewhere = await listen((req, res) => (seenElsewhere.push(req.headers), res.end("{}")), {
    opened: 0,
    closed: 0,
  });
  const timers = new Set<NodeJS.Timeout>();
  const main = await listen((req, res) => {
    req.resume();
    switch (reply) {
      case "huge-error":
        res.writeHead(500, { "content-type": "text/plain", "content-length": String(200 * MB) });
        return pour(res, 200 * MB);
      case "endless-error":
      case "endless-success":
        res.writeHead(reply === "endless-error" ? 500 : 200, { "content-type": "application/json" });
        return pour(res, Infinity);
      case "huge-headers":
        return void res.writeHead(500, { "x-filler": "y".repeat(MB) }).end("{}");
      case "slow-drip": {
        // A modest declared length: the size is bounded, the time is not.
        res.writeHead(500, { "content-type": "text/plain", "content-length": "100000" });
        const t = setInterval(() => res.write("."), 20);
        timers.add(t);
        return void res.on("close", () => clearInterval(t));
      }
      case "cross-origin-redirect":
        return void res.writeHead(307, { location: `${elsewhere.url}/steal` }).end();
      case "deep-json-error": {
        const depth = 400_000; // 800 KB: under the error body cap, so it is parsed
        return void res
          .writeHead(500, { "content-type": "application/json" })
          .end("[".repeat(depth) + "]".repeat(depth));
      }
    }
  }, sockets);
  return {
    url: main.url,
    seenElsewhere,
    sockets,
    async close() {
      timers.forEach(clearInterval);
      await Promise.all([main.close(), elsewhere.close()]);
    },
  };
}
