// Every spec file is read through here: the root and each file a $ref names. A spec is untrusted,
// so a $ref to /dev/zero, a FIFO or a 9 GB file must not be read to the end (or at all): only
// regular files, and never more than the size limit. A regular file that lies about its size
// (/proc files say 0) is still cut off at the limit, since the read stops there.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { SpecError } from "../diagnostics.js";
import { LIMIT_KNOBS } from "./limits.js";

/** Why the file could not be opened, in words (the errno code alone helps nobody). */
export function unreadable(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return "file not found";
    case "EISDIR":
      return "is a folder, not a spec file";
    case "ENOTDIR":
      return "file not found: a folder in its path is a file";
    case "EACCES":
    case "EPERM":
      return "permission denied: faultline cannot read this file";
    default:
      return `cannot be read (${code ?? "unknown error"})`;
  }
}

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

export class NotReadable extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
    readonly code?: string,
  ) {
    super(problem);
  }
}

/**
 * The file's text, or NotReadable with the reason. Opened with O_NONBLOCK so that opening a FIFO
 * with no writer does not block; the type is checked on the open descriptor (no race with a
 * rename between a stat and the open).
 */
export async function readBounded(file: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new NotReadable(unreadable(code), "pass the path of an OpenAPI YAML or JSON file", code);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory())
      throw new NotReadable(unreadable("EISDIR"), "pass the path of an OpenAPI YAML or JSON file", "EISDIR");
    if (!info.isFile()) {
      throw new NotReadable(
        "is not a regular file (a device, FIFO or socket): faultline reads spec files only",
        "point at a YAML or JSON file on disk",
      );
    }
    const tooBig = () =>
      new NotReadable(
        `is larger than ${megabytes(maxBytes)}, the limit for one spec file`,
        `split the spec with $refs, or raise ${LIMIT_KNOBS.maxSpecBytes}`,
      );
    if (info.size > maxBytes) throw tooBig();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MB, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooBig();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** readBounded for the root file: its problems are about the file itself. */
export async function readSpecFileBounded(file: string, maxBytes: number): Promise<string> {
  try {
    return await readBounded(file, maxBytes);
  } catch (error) {
    if (error instanceof NotReadable) throw new SpecError({ file, problem: error.problem, fix: error.fix });
    throw error;
  }
}
