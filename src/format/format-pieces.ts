// A printed file formatted in the pieces prettier formats independently of each other. Prettier
// prints each top-level statement, and each member of a multi-line interface or object literal,
// by itself: only its indentation and separator (";" or ",") reach it from outside, and the blank
// lines between pieces come from the input text. So a file is formatted as a skeleton (the file
// with each piece replaced by a short placeholder, every gap between pieces kept as it is) plus
// the pieces, each in a wrapper that gives it the same indentation and separator. format-memo.ts
// remembers pieces: after a save only the pieces that changed go through prettier again.
// split-pieces.ts finds the pieces; a file that does not split cleanly (a comment between pieces,
// an object on one line) is formatted whole.
export type PieceKind = "file" | "statement" | "interface-member" | "object-member";

export interface Piece {
  kind: PieceKind;
  text: string;
}

export interface SplitFile {
  /** The file with each piece replaced by its placeholder; formatted like a piece of kind "file". */
  skeleton: string;
  pieces: Piece[];
}

/** Names no generated file uses (splitSource refuses a file that contains them). */
export const RESERVED = "__faultline_";
const PLACEHOLDER = `${RESERVED}piece_`;
const SPLIT_LINE = `${RESERVED}split;`;

/** How a piece is written into a batch, and how prettier prints its placeholder in the skeleton. */
const SHAPES: Record<
  PieceKind,
  { open?: string; close?: string; placeholder: (n: number) => string; printed: (n: number) => string }
> = {
  file: { placeholder: () => "", printed: () => "" },
  statement: { placeholder: (n) => `${PLACEHOLDER}${n};`, printed: (n) => `${PLACEHOLDER}${n};` },
  "interface-member": {
    open: `interface ${RESERVED}wrap {`,
    close: "}",
    placeholder: (n) => `${PLACEHOLDER}${n}: never`,
    printed: (n) => `  ${PLACEHOLDER}${n}: never;`,
  },
  "object-member": {
    open: `const ${RESERVED}wrap = {`,
    close: "};",
    placeholder: (n) => `${PLACEHOLDER}${n}: 0`,
    printed: (n) => `  ${PLACEHOLDER}${n}: 0,`,
  },
};

/** Only whitespace (after at most one separator) between pieces, across a line break when asked. */
export const isCleanGap = (gap: string, needsLineBreak: boolean) =>
  /^[;,]?\s*$/.test(gap) && (!needsLineBreak || gap.includes("\n"));

export const placeholderOf = (kind: PieceKind, n: number) => SHAPES[kind].placeholder(n);

/** Every piece in one prettier call (a call costs ~1 ms before any work); undefined if the output does not split back. */
export async function formatBatch(
  pieces: Piece[],
  format: (text: string) => Promise<string>,
): Promise<string[] | undefined> {
  const wrapped = pieces.map(({ kind, text }) =>
    SHAPES[kind].open ? `${SHAPES[kind].open}\n${text}\n${SHAPES[kind].close}` : text,
  );
  const lines = (await format(`${wrapped.join(`\n${SPLIT_LINE}\n`)}\n`)).split("\n");
  const groups: string[][] = [[]];
  for (const line of lines.slice(0, -1)) {
    if (line === SPLIT_LINE) groups.push([]);
    else groups.at(-1)!.push(line);
  }
  if (groups.length !== pieces.length || lines.at(-1) !== "") return undefined;
  const formatted: string[] = [];
  for (const [i, { kind }] of pieces.entries()) {
    const group = groups[i]!;
    const { open, close } = SHAPES[kind];
    if (open && (group[0] !== open || group.at(-1) !== close)) return undefined;
    const inner = open ? group.slice(1, -1) : group;
    // A piece prettier prints as nothing (an empty statement) would leave a blank line behind.
    if (inner.length === 0) return undefined;
    formatted.push(inner.join("\n"));
  }
  return formatted;
}

/** The formatted skeleton with each placeholder line replaced by its formatted piece; undefined if a placeholder moved. */
export function assemble(skeleton: string, pieces: Piece[], formatted: string[]): string | undefined {
  const seen = new Set<number>();
  const lines = skeleton.split("\n").map((line) => {
    const n = line.includes(PLACEHOLDER) ? Number(/(\d+)/.exec(line.slice(line.indexOf(PLACEHOLDER)))?.[1]) : -1;
    if (n < 0) return line;
    if (seen.has(n) || line !== SHAPES[pieces[n]?.kind ?? "file"].printed(n)) return undefined;
    seen.add(n);
    return formatted[n];
  });
  return seen.size === pieces.length && lines.every((line) => line !== undefined) ? lines.join("\n") : undefined;
}
