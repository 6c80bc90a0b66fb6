// The format worker's entry (format-thread.ts starts it): prettier on a second thread, so its
// import and warm-up overlap the main thread's work instead of following it. Real files go
// first; warm-up pieces (format-warmup.ts) fill the time no file is waiting.
import { setImmediate } from "node:timers/promises";
import { parentPort } from "node:worker_threads";
import { WARMUP_SOURCES } from "./format-warmup.js";
import type { FormatReply, FormatRequest } from "./format-thread.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

const prettier = import("prettier");
const requests: FormatRequest[] = [];
const warmups = [...WARMUP_SOURCES];
let running = false;

async function reply({ id, source }: FormatRequest): Promise<FormatReply> {
  try {
    return { id, text: await (await prettier).format(source, PRETTIER_OPTIONS) };
  } catch (error) {
    return { id, error: { name: (error as Error)?.name ?? "Error", message: (error as Error)?.message ?? String(error) } };
  }
}

async function run(): Promise<void> {
  if (running) return;
  running = true;
  while (requests.length > 0 || warmups.length > 0) {
    const request = requests.shift();
    if (request) {
      parentPort!.postMessage(await reply(request));
    } else {
      // A warm-up piece that fails (it cannot, on this text) changes nothing.
      await (await prettier).format(warmups.shift()!, PRETTIER_OPTIONS).catch(() => undefined);
      await setImmediate(); // let a file that arrived meanwhile in before the next piece
    }
  }
  running = false;
}

parentPort!.on("message", (request: FormatRequest) => {
  requests.push(request);
  void run();
});
void run();
