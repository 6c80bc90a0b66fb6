// The format worker's entry (format-thread.ts starts it): prettier on a second thread, so its
// import and cold start overlap the main thread's printing instead of following it. Files are
// formatted one at a time, in the order they came.
import { parentPort, type MessagePort } from "node:worker_threads";
import type { FormatReply, FormatRequest } from "./format-thread.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

async function reply(
  prettier: Promise<typeof import("prettier")>,
  { id, source }: FormatRequest,
): Promise<FormatReply> {
  try {
    return { id, text: await (await prettier).format(source, PRETTIER_OPTIONS) };
  } catch (error) {
    return {
      id,
      error: { name: (error as Error)?.name ?? "Error", message: (error as Error)?.message ?? String(error) },
    };
  }
}

function serve(port: MessagePort): void {
  // Imported at once: the worker is started by the first file, which is already waiting.
  const prettier = import("prettier");
  // Replies are chained, so they go back in the order the requests came.
  let done = Promise.resolve();
  port.on("message", (request: FormatRequest) => {
    done = done.then(async () => port.postMessage(await reply(prettier, request)));
  });
}

serve(parentPort!);
