// Prettier on a worker thread. Cold, prettier costs a small spec's run more than anything else
// (~0.1 s to import, 0.35-0.6 s to format four small files while its code is still cold). Started
// by the first file a worker formatter is given (format.ts), the worker imports prettier on another
// core and formats each file as soon as it is printed, while this thread goes on printing the
// next. Same prettier, same options: the same bytes.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export interface FormatRequest {
  id: number;
  source: string;
}

export type FormatReply = { id: number; text: string } | { id: number; error: { name: string; message: string } };

interface Pending {
  source: string;
  resolve(text: string): void;
  reject(error: Error): void;
}

export interface FormatThread {
  format(source: string): Promise<string>;
}

/** Where the worker entry is: compiled next to this file. Run from sources (tests), there is none. */
const ENTRY = new URL("./format-worker.js", import.meta.url);

/**
 * A worker that formats, or undefined where none can run or there is no second core to run it
 * on. `fallback` formats in this thread: a worker that fails (cannot start, dies) hands every
 * file it had back to it.
 */
export function startFormatThread(fallback: (source: string) => Promise<string>): FormatThread | undefined {
  if (availableParallelism() < 2 || !existsSync(fileURLToPath(ENTRY))) return undefined;
  let worker: Worker | undefined;
  try {
    worker = new Worker(ENTRY);
  } catch {
    return undefined;
  }
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const settle = (id: number) => {
    const request = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
    return request;
  };
  worker.on("message", (reply: FormatReply) => {
    const request = settle(reply.id);
    if (!request) return;
    if ("text" in reply) request.resolve(reply.text);
    else request.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  });
  const abandon = () => {
    const orphans = [...pending.values()];
    pending.clear();
    worker = undefined;
    for (const request of orphans)
      fallback(request.source).then(
        (text) => request.resolve(text),
        (error: Error) => request.reject(error),
      );
  };
  worker.on("error", abandon);
  worker.on("exit", abandon);
  // Idle, the worker must not keep the process alive; while a file is out, it must. After the
  // listeners: adding a "message" listener refs the worker's port again, and a run that sent the
  // worker no file (every file over the format limit: Dracoon, 297 operations) never exited.
  worker.unref();
  return {
    format(source) {
      if (!worker) return fallback(source);
      const id = ++nextId;
      const result = new Promise<string>((resolve, reject) => pending.set(id, { source, resolve, reject }));
      if (pending.size === 1) worker.ref();
      worker.postMessage({ id, source } satisfies FormatRequest);
      return result;
    },
  };
}
