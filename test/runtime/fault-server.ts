// A scripted HTTP server for retry tests: each request takes the next step of the script
// (the last step repeats), and every request is recorded.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Step {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Drop the connection instead of answering (socket.destroy()). */
  reset?: boolean;
}

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() at arrival. */
  at: number;
}

export interface FaultServer {
  url: string;
  requests: Recorded[];
  /** Replaces the script; the counter restarts. */
  script(...steps: Step[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let steps: Step[] = [{ status: 200, body: {} }];
  let served = 0;
  const requests: Recorded[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      });
      const step = steps[Math.min(served++, steps.length - 1)]!;
      const answer = () => {
        if (step.reset) return void req.socket.destroy();
        const json = typeof step.body === "object";
        const headers = { ...(json ? { "content-type": "application/json" } : {}), ...step.headers };
        res.writeHead(step.status ?? 200, headers).end(json ? JSON.stringify(step.body) : (step.body ?? ""));
      };
      if (!step.delayMs) return answer();
      const t = setTimeout(() => (timers.delete(t), answer()), step.delayMs);
      timers.add(t);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...next) {
      steps = next;
      served = 0;
      requests.length = 0;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A clock for tests: sleeps are recorded and resolve at once, advancing now() by the slept time. */
export function fakeClock(start = 1_700_000_000_000) {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    now: () => now,
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      // As the runtime's own sleep does: an aborted wait rejects with the signal's reason, whatever it is.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (signal?.aborted) return Promise.reject(signal.reason);
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}
