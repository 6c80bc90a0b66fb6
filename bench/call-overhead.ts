// What a successful generated call costs over bare fetch on loopback: the same GET against the
// same node:http server, which runs in a child process so its work does not share the client's
// event loop. Calls alternate one by one (bare, client, client, bare, ...), so drift and other
// load on the machine hit both sides alike. Each round of pairs gives the median call of each
// side (a call the OS preempted for milliseconds says nothing about our code) and their ratio;
// the result is the median of those paired ratios. Target: <= 5%.
import { fork } from "node:child_process";
import { once } from "node:events";
import { createClient } from "../generated-samples/prompts/index.js";

export interface CallOverhead {
  requestsPerRound: number;
  rounds: number;
  /** Medians over rounds of each round's median call. */
  fetchMedianUs: number;
  clientMedianUs: number;
  /** Median over rounds of (client median / bare median - 1), in percent. */
  overheadPercent: number;
  /** The middle half of the rounds' ratios, in percent: how much the rounds disagree. */
  overheadQuartilesPercent: [number, number];
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)]!;

async function timed(call: () => Promise<void>, into: number[]) {
  const start = performance.now();
  await call();
  into.push((performance.now() - start) * 1000);
}

export async function measureCallOverhead(rounds = 40, requestsPerRound = 200): Promise<CallOverhead> {
  const server = fork(new URL("./loopback-server.ts", import.meta.url), [], { execArgv: ["--import", "tsx"] });
  try {
    const [port] = (await once(server, "message")) as [number];
    const baseUrl = `http://127.0.0.1:${port}`;
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
    for (let i = 0; i < 1000; i++) {
      // sockets and JIT warm for both
      await bare();
      await generated();
    }
    const fetchUs: number[] = [];
    const clientUs: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const b: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < requestsPerRound; i++) {
        // The order flips each pair: whichever call runs second may find a warmer or busier machine.
        if (i % 2) {
          await timed(generated, c);
          await timed(bare, b);
        } else {
          await timed(bare, b);
          await timed(generated, c);
        }
      }
      fetchUs.push(quantile(b, 0.5));
      clientUs.push(quantile(c, 0.5));
      ratios.push(quantile(c, 0.5) / quantile(b, 0.5));
    }
    const percent = (q: number) => (quantile(ratios, q) - 1) * 100;
    return {
      requestsPerRound,
      rounds,
      fetchMedianUs: quantile(fetchUs, 0.5),
      clientMedianUs: quantile(clientUs, 0.5),
      overheadPercent: percent(0.5),
      overheadQuartilesPercent: [percent(0.25), percent(0.75)],
    };
  } finally {
    server.disconnect();
  }
}
