// What a successful generated call costs over bare fetch on loopback: the same GET against the
// same node:http server, alternating rounds so drift hits both alike. Target: <= 5%.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "../generated-samples/prompts/index.js";

export interface CallOverhead {
  requestsPerRound: number;
  rounds: number;
  fetchMedianUs: number;
  clientMedianUs: number;
  overheadPercent: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureCallOverhead(rounds = 15, requestsPerRound = 400): Promise<CallOverhead> {
  const payload = JSON.stringify({ data: [{ id: "p_1", name: "greeting", updatedAt: "2026-01-01T00:00:00Z" }], nextCursor: null });
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_1" }).end(payload));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { authorization: "Bearer bench" };
  const client = createClient({ baseUrl, headers });
  const bare = async () => {
    const res = await fetch(`${baseUrl}/v1/prompts`, { headers });
    if (!res.ok) throw new Error(`bare fetch: ${res.status}`);
    await res.json();
  };
  const generated = async () => {
    const r = await client.listPrompts();
    if (!r.ok) throw new Error(`client: ${r.error.message}`);
  };
  const round = async (call: () => Promise<void>) => {
    const start = performance.now();
    for (let i = 0; i < requestsPerRound; i++) await call();
    return ((performance.now() - start) * 1000) / requestsPerRound;
  };
  try {
    await round(bare); // warm up sockets and JIT for both paths
    await round(generated);
    const fetchUs: number[] = [];
    const clientUs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      fetchUs.push(await round(bare));
      clientUs.push(await round(generated));
    }
    const f = median(fetchUs);
    const c = median(clientUs);
    return { requestsPerRound, rounds, fetchMedianUs: f, clientMedianUs: c, overheadPercent: ((c - f) / f) * 100 };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
