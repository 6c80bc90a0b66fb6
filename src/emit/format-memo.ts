// Prettier is deterministic, so remembering its output by input gives the same bytes and keeps
// generate() pure. It matters for `--watch`: a save usually changes one or two files, and
// formatting the unchanged ones again was most of the regeneration time.
import { format } from "./format.js";

/** Few entries, each under a size cap: a watch session edits one spec at a time. */
const MAX_ENTRIES = 48;
const MAX_SOURCE_CHARS = 512_000;

const memo = new Map<string, Promise<string>>();

export function formatMemo(source: string): Promise<string> {
  if (source.length > MAX_SOURCE_CHARS) return format(source);
  const hit = memo.get(source);
  if (hit) {
    // Re-insert: Map keeps insertion order, so the oldest key is the least recently used.
    memo.delete(source);
    memo.set(source, hit);
    return hit;
  }
  const result = format(source);
  memo.set(source, result);
  // A failed format must not be remembered: the next call should see the error again, fresh.
  result.catch(() => memo.delete(source));
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  return result;
}
