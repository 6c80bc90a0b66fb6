// Prettier is deterministic, so remembering its output by input gives the same bytes. It matters
// for `--watch`: a save changes one or two operations, and an edited operation changes schema.ts,
// types.ts and operations.ts. Files are remembered whole (a save that changes no file's text
// formats nothing) and, when asked for `piecewise`, by piece (format-pieces.ts): a changed file
// re-formats only its changed statements and members, in one prettier call, 3-4x less prettier
// time per edit. Pieces give the very text prettier gives the whole file
// (test/format/format-pieces.test.ts checks every sample and corpus spec). The memory belongs to
// the formatter createFormatMemo() returns: watch creates one and keeps it across saves.
import type { FormatText } from "./format.js";
import { assemble, formatBatch, type Piece } from "./format-pieces.js";
import { Lru } from "./lru.js";
import { splitSource } from "./split-pieces.js";

export interface FormatMemoOptions {
  /**
   * Remember pieces, not only whole files. Off for a one-shot run: splitting and batching cost
   * it ~0.1 s of CPU on cases.yaml (cold code, wrappers) and gain it nothing.
   */
  piecewise?: boolean;
}

/** A watch session edits one spec at a time: a few files, each under a size cap, and their pieces. */
const MAX_SOURCE_CHARS = 512_000;
const MAX_FILES = 48;
const MAX_PIECE_CHARS = 8_000_000;

const pieceKey = (piece: Piece) => `${piece.kind}\0${piece.text}`;

/**
 * Pieces asked for in the same tick go to prettier in one call: generate() formats its files
 * together, and a call costs 1-2 ms before any work, more than a small piece's formatting.
 * Undefined when prettier fails or its output does not split back: each file is then formatted
 * whole, which also gives a failing file its own error message.
 */
interface Batch {
  pieces: Piece[];
  formatted: Promise<string[] | undefined>;
}

/** `format`, remembering what it gave. */
export function createFormatMemo(format: FormatText, options: FormatMemoOptions = {}): FormatText {
  const files = new Lru<Promise<string>>(MAX_FILES, () => 1);
  const pieces = new Lru<string>(MAX_PIECE_CHARS, (key, value) => key.length + value.length);
  let pending: Batch | undefined;

  function newBatch(): Batch {
    const batched: Piece[] = [];
    // Runs once the code that asked has run to its first await: every file of a generate() has asked by then.
    const formatted = Promise.resolve().then(() => {
      pending = undefined;
      return formatBatch(batched, format).catch(() => undefined);
    });
    return { pieces: batched, formatted };
  }

  function formatTogether(missing: Piece[]): Promise<string[] | undefined> {
    const batch = (pending ??= newBatch());
    const from = batch.pieces.length;
    batch.pieces.push(...missing);
    return batch.formatted.then((all) => all?.slice(from, from + missing.length));
  }

  /** The same text as format(source), formatting only the pieces not seen before. */
  async function formatByPiece(source: string): Promise<string> {
    const split = splitSource(source);
    if (!split) return format(source);
    const all: Piece[] = [{ kind: "file", text: split.skeleton }, ...split.pieces];
    const known = new Map(all.map((piece) => [pieceKey(piece), pieces.get(pieceKey(piece))]));
    const missing = [...new Map(all.map((piece) => [pieceKey(piece), piece])).entries()].filter(
      ([key]) => known.get(key) === undefined,
    );
    if (missing.length > 0) {
      const formatted = await formatTogether(missing.map(([, piece]) => piece));
      if (!formatted) return format(source);
      missing.forEach(([key], i) => {
        known.set(key, formatted[i]);
        pieces.set(key, formatted[i]!);
      });
    }
    const [skeleton, ...texts] = all.map((piece) => known.get(pieceKey(piece))!);
    return assemble(`${skeleton}\n`, split.pieces, texts) ?? format(source);
  }

  return (source) => {
    if (source.length > MAX_SOURCE_CHARS) return format(source);
    const hit = files.get(source);
    if (hit) return hit;
    const result = options.piecewise ? formatByPiece(source) : format(source);
    files.set(source, result);
    // A failed format must not be remembered: the next call should see the error again, fresh.
    result.catch(() => files.delete(source));
    return result;
  };
}
