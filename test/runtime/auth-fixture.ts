// The auth tests' shared parts: the runtime data of test/fixtures/good/auth-schemes.yaml, exactly as
// the generator emits it, and a loopback server whose answer depends on the request (a token
// check), recording every request it gets.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { operationData } from "../../src/emit/client/operation-specs.js";
import { generateIr } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";

export const AUTH_FIXTURE = path.resolve(import.meta.dirname, "../fixtures/good/auth-schemes.yaml");

export async function authFixtureData() {
  const { api, classified } = generateIr(await loadSpec(AUTH_FIXTURE));
  return operationData(api, classified);
}

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
}

export interface HandlerServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** A server answering each request with handler(request): [status, body, headers?]. */
export async function startHandlerServer(
  handler: (req: Seen) => [number, object?, Record<string, string>?],
): Promise<HandlerServer> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
      seen.push(entry);
      const [status, body = {}, headers = {}] = handler(entry);
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
