// The format worker's entry (format-thread.ts starts it): prettier on a second thread, imported
// while the main thread loads ts-morph, formatting each file while the main thread prints the next.
import { parentPort } from "node:worker_threads";
import type { FormatReply, FormatRequest } from "./format-thread.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

const prettier = import("prettier");

async function reply({ id, source }: FormatRequest): Promise<FormatReply> {
  try {
    return { id, text: await (await prettier).format(source, PRETTIER_OPTIONS) };
  } catch (error) {
    return { id, error: { name: (error as Error)?.name ?? "Error", message: (error as Error)?.message ?? String(error) } };
  }
}

parentPort!.on("message", async (request: FormatRequest) => parentPort!.postMessage(await reply(request)));
