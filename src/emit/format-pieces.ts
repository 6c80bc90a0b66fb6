// Splits a printed file into the pieces prettier formats independently of each other. Prettier
// prints each top-level statement, and each member of a multi-line interface or object literal,
// by itself: only its indentation and separator (";" or ",") reach it from outside, and the blank
// lines between pieces come from the input text. So a file is formatted as a skeleton (the file
// with each piece replaced by a short placeholder, every gap between pieces kept as it is) plus
// the pieces, each in a wrapper that gives it the same indentation and separator. format-memo.ts
// remembers pieces: after a save only the pieces that changed go through prettier again.
// A file that does not split cleanly (a comment between pieces, an object on one line, text that
// TypeScript cannot parse) yields undefined, and is formatted whole.
import { createRequire } from "node:module";
import type * as TS from "typescript";

const require = createRequire(import.meta.url);
let compiler: typeof TS | undefined;
const typescript = () => (compiler ??= require("typescript") as typeof TS);

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
const RESERVED = "__faultline_";
const PLACEHOLDER = `${RESERVED}piece_`;
const SPLIT_LINE = `${RESERVED}split;`;

/** How a piece is written into a batch, and how prettier prints its placeholder in the skeleton. */
const SHAPES: Record<PieceKind, { open?: string; close?: string; placeholder: (n: number) => string; printed: (n: number) => string }> = {
  file: { placeholder: () => "", printed: () => "" },
  statement: { placeholder: (n) => `${PLACEHOLDER}${n};`, printed: (n) => `${PLACEHOLDER}${n};` },
  "interface-member": { open: `interface ${RESERVED}wrap {`, close: "}", placeholder: (n) => `${PLACEHOLDER}${n}: never`, printed: (n) => `  ${PLACEHOLDER}${n}: never;` },
  "object-member": { open: `const ${RESERVED}wrap = {`, close: "};", placeholder: (n) => `${PLACEHOLDER}${n}: 0`, printed: (n) => `  ${PLACEHOLDER}${n}: 0,` },
};

/** Where a piece starts: its first leading comment on a line of its own, else its first token. */
function pieceStart(source: string, node: TS.Node, file: TS.SourceFile): number {
  return typescript().getLeadingCommentRanges(source, node.pos)?.[0]?.pos ?? node.getStart(file);
}

/** A member's own text ends before its separator: the separator stays in the skeleton. */
function pieceEnd(source: string, node: TS.Node): number {
  return /[;,]/.test(source[node.end - 1] ?? "") ? node.end - 1 : node.end;
}

/** Only whitespace (after at most one separator) between pieces, across at least one line break. */
const isCleanGap = (gap: string, needsLineBreak: boolean) => /^[;,]?\s*$/.test(gap) && (!needsLineBreak || gap.includes("\n"));

interface Members {
  kind: "interface-member" | "object-member";
  list: TS.NodeArray<TS.Node>;
  /** Offset of the closing brace. */
  close: number;
}

function membersOf(statement: TS.Statement, source: string): Members | undefined {
  const ts = typescript();
  let found: Members | undefined;
  if (ts.isInterfaceDeclaration(statement)) found = { kind: "interface-member", list: statement.members, close: statement.end - 1 };
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const initializer = statement.declarationList.declarations[0]!.initializer;
    if (initializer && ts.isObjectLiteralExpression(initializer)) found = { kind: "object-member", list: initializer.properties, close: initializer.end - 1 };
  }
  if (!found || found.list.length < 2 || source[found.list.pos - 1] !== "{" || source[found.close] !== "}") return undefined;
  return found;
}

/** The statement's skeleton with each member a placeholder, or undefined when it does not split cleanly. */
function splitMembers(source: string, file: TS.SourceFile, start: number, statement: TS.Statement, members: Members, pieces: Piece[]): string | undefined {
  const found: Piece[] = [];
  let skeleton = source.slice(start, members.list.pos);
  let at = members.list.pos;
  for (const member of members.list) {
    const from = pieceStart(source, member, file);
    // A line break after "{" is also what keeps an object literal multi-line in prettier's output.
    if (!isCleanGap(source.slice(at, from), true)) return undefined;
    skeleton += source.slice(at, from) + SHAPES[members.kind].placeholder(pieces.length + found.length);
    found.push({ kind: members.kind, text: source.slice(from, pieceEnd(source, member)) });
    at = pieceEnd(source, member);
  }
  if (!isCleanGap(source.slice(at, members.close), false)) return undefined;
  pieces.push(...found);
  return skeleton + source.slice(at, statement.end);
}

export function splitSource(source: string): SplitFile | undefined {
  if (source.includes(RESERVED)) return undefined;
  const ts = typescript();
  const file = ts.createSourceFile("piece.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  if ((file as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length !== 0 || file.statements.length === 0) return undefined;
  // A string statement may be a directive, which prettier prints by rules of its own.
  if (file.statements.some((s) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression))) return undefined;
  const pieces: Piece[] = [];
  let skeleton = "";
  let at = 0;
  for (const statement of file.statements) {
    const from = pieceStart(source, statement, file);
    if (!/^\s*$/.test(source.slice(at, from)) || (at > 0 && !source.slice(at, from).includes("\n"))) return undefined;
    skeleton += source.slice(at, from);
    const members = membersOf(statement, source);
    const split = members && splitMembers(source, file, from, statement, members, pieces);
    if (split !== undefined) {
      skeleton += split;
    } else {
      skeleton += SHAPES.statement.placeholder(pieces.length);
      pieces.push({ kind: "statement", text: source.slice(from, statement.end) });
    }
    at = statement.end;
  }
  if (!/^\s*$/.test(source.slice(at))) return undefined;
  // Prettier drops blank lines before the first and after the last statement; in a batch they would stay.
  return { skeleton: skeleton.trim(), pieces };
}

/** Every piece in one prettier call (a call costs ~1 ms before any work); undefined if the output does not split back. */
export async function formatBatch(pieces: Piece[], format: (text: string) => Promise<string>): Promise<string[] | undefined> {
  const wrapped = pieces.map(({ kind, text }) => (SHAPES[kind].open ? `${SHAPES[kind].open}\n${text}\n${SHAPES[kind].close}` : text));
  const lines = (await format(`${wrapped.join(`\n${SPLIT_LINE}\n`)}\n`)).split("\n");
  const groups: string[][] = [[]];
  for (const line of lines.slice(0, -1)) line === SPLIT_LINE ? groups.push([]) : groups.at(-1)!.push(line);
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
