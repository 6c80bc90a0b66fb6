// The format worker's entry (format-thread.ts starts it): prettier on a second thread, so its
// import and warm-up overlap the main thread's work instead of following it.
import { parentPort } from "node:worker_threads";
import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { WARMUP_SOURCE } from "./format-warmup.js";
import type { FormatReply, FormatRequest } from "./format-thread.js";

const prettier = import("prettier");
// Requests queue behind the warm-up; a failed warm-up (it cannot fail on this text) changes nothing.
const warm = prettier.then((p) => p.format(WARMUP_SOURCE, PRETTIER_OPTIONS)).catch(() => undefined);

parentPort!.on("message", async ({ id, source }: FormatRequest) => {
  await warm;
  let reply: FormatReply;
  try {
    reply = { id, text: await (await prettier).format(source, PRETTIER_OPTIONS) };
  } catch (error) {
    reply = { id, error: { name: (error as Error)?.name ?? "Error", message: (error as Error)?.message ?? String(error) } };
  }
  parentPort!.postMessage(reply);
});
