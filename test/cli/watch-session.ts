// A watch session driven by a test: runWatch on `<dir>/cases.yaml` -> `<dir>/gen`, its events
// in order, its printed text, and a stop that aborts it.
import path from "node:path";
import { runWatch, type WatchEvent, type WatchOptions } from "../../src/cli/watch.js";

export interface Session {
  dir: string;
  next: () => Promise<WatchEvent>;
  lines: () => string;
  stop: () => Promise<number>;
  events: WatchEvent[];
}

export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function watchSession(dir: string, options: Partial<WatchOptions> = {}): Promise<Session> {
  const queue: WatchEvent[] = [];
  const events: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  let text = "";
  const controller = new AbortController();
  const done = runWatch({
    targets: [{ spec: path.join(dir, "cases.yaml"), output: path.join(dir, "gen") }],
    cwd: dir,
    out: (t) => void (text += t),
    signal: controller.signal,
    onEvent: (event) => {
      queue.push(event);
      events.push(event);
      wake?.();
    },
    ...options,
  });
  const next = async () => {
    const deadline = Date.now() + 30_000;
    while (queue.length === 0) {
      if (Date.now() > deadline) throw new Error(`no watch event; output so far:\n${text}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
    }
    return queue.shift()!;
  };
  return { dir, next, lines: () => text, events, stop: () => (controller.abort(), done) };
}
