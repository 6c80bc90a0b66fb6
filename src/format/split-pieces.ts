// Finds the pieces of a printed file (format-pieces.ts says what a piece is) from its tokens.
// TypeScript's scanner, not its parser: a save splits three files, and the parser needed some 30
// files before V8 had optimised it (~100 ms for the first, ~5 ms warm), the scanner a few (~1 ms
// warm). Without a parser, statements end at a ";" outside brackets, or at the "}" of an
// interface, function, class, enum or namespace; members at a ";" or "," directly in the body.
// Where that could misread the text (a "/" may start a regex), the file is not split. A statement
// or member the rules do not end (no separator) runs into the next one, which prettier then
// formats together, the same as in the whole file.
import { createRequire } from "node:module";
import type * as TS from "typescript";
import { isCleanGap, placeholderOf, RESERVED, type Piece, type SplitFile } from "./format-pieces.js";

// Required where a file is split, not at import: only --watch splits, and TypeScript takes
// 0.1-0.2 s to load. Node's module cache makes every later require() a lookup.
const require = createRequire(import.meta.url);
type Kinds = typeof TS.SyntaxKind;

interface Token {
  kind: TS.SyntaxKind;
  start: number;
  end: number;
  /** A line break since the token before. */
  onNewLine: boolean;
  isComment: boolean;
}

/** Tokens and comments, or undefined where the scanner alone cannot be trusted. */
function tokenize(ts: typeof TS, source: string): Token[] | undefined {
  const K = ts.SyntaxKind;
  let failed = false;
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    source,
    () => (failed = true),
  );
  const tokens: Token[] = [];
  const braces: boolean[] = []; // true: the "}" ends a template's ${ }
  let onNewLine = false;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.NewLineTrivia) onNewLine = true;
    if (kind === K.NewLineTrivia || kind === K.WhitespaceTrivia) continue;
    if (
      kind === K.SlashToken ||
      kind === K.SlashEqualsToken ||
      kind === K.ConflictMarkerTrivia ||
      kind === K.ShebangTrivia ||
      kind === K.Unknown
    )
      return undefined;
    if (kind === K.CloseBraceToken && braces.at(-1)) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateTail) braces.pop();
    } else if (kind === K.OpenBraceToken || kind === K.TemplateHead) braces.push(kind === K.TemplateHead);
    else if (kind === K.CloseBraceToken) braces.pop();
    const isComment = kind === K.SingleLineCommentTrivia || kind === K.MultiLineCommentTrivia;
    tokens.push({ kind, start: scanner.getTokenStart(), end: scanner.getTokenEnd(), onNewLine, isComment });
    onNewLine = false;
  }
  return failed ? undefined : tokens;
}

function depthChange(K: Kinds, kind: TS.SyntaxKind): number {
  if (kind === K.OpenBraceToken || kind === K.OpenParenToken || kind === K.OpenBracketToken || kind === K.TemplateHead)
    return 1;
  if (
    kind === K.CloseBraceToken ||
    kind === K.CloseParenToken ||
    kind === K.CloseBracketToken ||
    kind === K.TemplateTail
  )
    return -1;
  return 0;
}

/** Index of the token that closes the bracket at `open`. */
function closingOf(K: Kinds, tokens: Token[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += depthChange(K, tokens[i]!.kind);
    if (depth === 0) return i;
  }
  return undefined;
}

/** Index of a statement's last token, from its first one that is not a comment. */
function statementEnd(K: Kinds, tokens: Token[], first: number): number | undefined {
  let keyword = first;
  while (tokens[keyword]?.kind === K.ExportKeyword || tokens[keyword]?.kind === K.DeclareKeyword) keyword++;
  const endsAtBrace = [
    K.InterfaceKeyword,
    K.FunctionKeyword,
    K.ClassKeyword,
    K.EnumKeyword,
    K.NamespaceKeyword,
    K.ModuleKeyword,
    K.AbstractKeyword,
  ].includes(tokens[keyword]?.kind ?? K.Unknown);
  let depth = 0;
  for (let i = first; i < tokens.length; i++) {
    const { kind } = tokens[i]!;
    depth += depthChange(K, kind);
    if (depth < 0) return undefined;
    if (depth === 0 && (kind === K.SemicolonToken || (endsAtBrace && kind === K.CloseBraceToken))) return i;
  }
  return undefined;
}

interface Body {
  kind: "interface-member" | "object-member";
  open: number;
  close: number;
}

/** The braces of `interface Name {...}` or `const name = {...};`, when the statement is one. */
function bodyOf(K: Kinds, tokens: Token[], first: number, last: number): Body | undefined {
  let i = first;
  while (tokens[i]!.kind === K.ExportKeyword || tokens[i]!.kind === K.DeclareKeyword) i++;
  const keyword = tokens[i]!.kind;
  if (keyword === K.InterfaceKeyword) {
    // Type arguments (`extends Base<{ a: 1 }>`) could hold a "{" before the body's.
    let open = i;
    while (open < last && tokens[open]!.kind !== K.OpenBraceToken && tokens[open]!.kind !== K.LessThanToken) open++;
    return tokens[open]!.kind === K.OpenBraceToken && closingOf(K, tokens, open) === last
      ? { kind: "interface-member", open, close: last }
      : undefined;
  }
  if (keyword !== K.ConstKeyword && keyword !== K.LetKeyword && keyword !== K.VarKeyword) return undefined;
  let depth = 0;
  for (let at = i; at < last; at++) {
    depth += depthChange(K, tokens[at]!.kind);
    if (depth !== 0 || tokens[at]!.kind !== K.EqualsToken) continue;
    const open = at + 1;
    // `= { ... };` and nothing else: not `= { ... } as T;`, nor `= a || { ... };`.
    return tokens[open]?.kind === K.OpenBraceToken &&
      tokens[last]!.kind === K.SemicolonToken &&
      closingOf(K, tokens, open) === last - 1
      ? { kind: "object-member", open, close: last - 1 }
      : undefined;
  }
  return undefined;
}

/** The body's members as pieces and the statement's skeleton text; undefined when it does not split cleanly. */
function splitBody(
  K: Kinds,
  source: string,
  tokens: Token[],
  from: number,
  statementEndAt: number,
  body: Body,
  firstPiece: number,
): { skeleton: string; pieces: Piece[] } | undefined {
  const pieces: Piece[] = [];
  let skeleton = source.slice(from, tokens[body.open]!.end);
  let at = tokens[body.open]!.end;
  let i = body.open + 1;
  while (i < body.close) {
    const start = tokens[i]!.start;
    let depth = 0;
    let last = i;
    for (; last < body.close; last++) {
      depth += depthChange(K, tokens[last]!.kind);
      if (depth === 0 && (tokens[last]!.kind === K.SemicolonToken || tokens[last]!.kind === K.CommaToken)) break;
    }
    // `last` is the separator (or the closing brace): the member is the tokens before it, not only comments.
    if (tokens.slice(i, last).every((t) => t.isComment) || !isCleanGap(source.slice(at, start), true)) return undefined;
    skeleton += source.slice(at, start) + placeholderOf(body.kind, firstPiece + pieces.length);
    pieces.push({ kind: body.kind, text: source.slice(start, tokens[last - 1]!.end) });
    at = tokens[last - 1]!.end;
    i = last < body.close ? last + 1 : last;
  }
  if (pieces.length < 2 || !isCleanGap(source.slice(at, tokens[body.close]!.start), false)) return undefined;
  return { skeleton: skeleton + source.slice(at, tokens[statementEndAt]!.end), pieces };
}

export function splitSource(source: string): SplitFile | undefined {
  if (source.includes(RESERVED)) return undefined;
  const ts = require("typescript") as typeof TS;
  const tokens = tokenize(ts, source);
  if (!tokens || tokens.length === 0) return undefined;
  const K = ts.SyntaxKind;
  const pieces: Piece[] = [];
  let skeleton = "";
  let at = 0;
  let i = 0;
  while (i < tokens.length) {
    // A piece starts on a line of its own, with its leading comments.
    if (i > 0 && !tokens[i]!.onNewLine) return undefined;
    let first = i;
    while (tokens[first]?.isComment) first++;
    const kind = tokens[first]?.kind;
    // An empty statement prints as nothing; a string may be a directive, which prettier prints by rules of its own.
    if (kind === undefined || kind === K.SemicolonToken || kind === K.StringLiteral) return undefined;
    const last = statementEnd(K, tokens, first);
    // A "{" right after a declaration's "}" means the "}" closed a return type, not the body.
    if (last === undefined || tokens[last + 1]?.kind === K.OpenBraceToken) return undefined;
    const from = tokens[i]!.start;
    skeleton += source.slice(at, from);
    const body = bodyOf(K, tokens, first, last);
    const split = body && splitBody(K, source, tokens, from, last, body, pieces.length);
    if (split) {
      skeleton += split.skeleton;
      pieces.push(...split.pieces);
    } else {
      skeleton += placeholderOf("statement", pieces.length);
      pieces.push({ kind: "statement", text: source.slice(from, tokens[last]!.end) });
    }
    at = tokens[last]!.end;
    i = last + 1;
  }
  // Prettier drops blank lines before the first and after the last statement; in a batch they would stay.
  return { skeleton: skeleton.trim(), pieces };
}
