// Bounds on what a spec may ask of the generator. A spec is untrusted input: a YAML alias that
// contains itself makes an infinite document, a "billion laughs" file expands a few hundred bytes
// into a billion nodes, 5,000 levels of nesting overflow every recursive stage after loading, and a
// 100,000-character name ends up in every file. Each is refused right after parsing, by one
// iterative walk (no recursion, so the check itself cannot overflow the stack), with the pointer.
import { SpecError, pointerOf } from "../diagnostics.js";

export interface InputLimits {
  /** Bytes per spec file (root and every $ref'd file). */
  maxSpecBytes: number;
  /** Objects and lists in one file, each YAML alias counted as the full copy it stands for. */
  maxNodes: number;
  /** Nesting levels below the document root. */
  maxDepth: number;
  /** Characters in a mapping key, an operationId or a `name`. */
  maxNameLength: number;
  /** Milliseconds to fetch a root spec given as a URL, redirects and body included. */
  fetchTimeoutMs: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxSpecBytes: 50 * 1024 * 1024,
  maxNodes: 2_000_000,
  // Redocly's YAML parser (js-yaml) stops at 100 levels too, so a limit here means the same for JSON and YAML.
  maxDepth: 100,
  // The hostile corpus has 5,600-character operationIds and they compile; 100,000 is an attack.
  maxNameLength: 10_000,
  fetchTimeoutMs: 30_000,
};

/** Flags and config keys, named in every "how to fix" so the user knows which knob to turn. */
export const LIMIT_KNOBS: Record<keyof InputLimits, string> = {
  maxSpecBytes: "--max-spec-mb (config limits.maxSpecMb)",
  maxNodes: "--max-nodes (config limits.maxNodes)",
  maxDepth: "--max-depth (config limits.maxDepth)",
  maxNameLength: "--max-name-length (config limits.maxNameLength)",
  fetchTimeoutMs: "--fetch-timeout (seconds)",
};

export const DEPTH_FIX = `flatten the nesting with $refs to components, or raise ${LIMIT_KNOBS.maxDepth}`;

export function withDefaultLimits(limits: Partial<InputLimits> | undefined): InputLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

interface Visit {
  node: object;
  key: string;
  parent: Visit | undefined;
  depth: number;
  /** Met before: a YAML alias (or a cycle). */
  alias?: boolean;
}

/** The outermost alias on the way to this node: where an expansion that grew too big starts. */
function outermostAlias(visit: Visit): Visit {
  let found = visit;
  for (let v: Visit | undefined = visit; v; v = v.parent) if (v.alias) found = v;
  return found;
}

/** Only a node met before can be its own ancestor: trees pay one Set lookup per node. */
function isOwnAncestor(visit: Visit): boolean {
  for (let v = visit.parent; v; v = v.parent) if (v.node === visit.node) return true;
  return false;
}

const NAMED_VALUES = new Set(["operationId", "name"]);

function shortened(name: string): string {
  return `${JSON.stringify(name.slice(0, 40))}...`;
}

/**
 * Whether the parsed text may hold shared nodes: only YAML with an anchor (`&name` after a space or
 * flow indicator) makes them. JSON never does, so the walk skips the identity set for it (a
 * third of the walk's time on GitHub's 13 MB spec). A false "yes" only costs that time.
 */
export function mayShareNodes(text: string): boolean {
  return !/^\uFEFF?\s*[{[]/.test(text) && /(?:^|[\s[{,])&[^\s,[\]{}]/m.test(text);
}

/**
 * Throws a SpecError (pointer into `file`) when the parsed document breaks a limit. Shared nodes
 * (YAML aliases) are walked once per use, so the walk costs what later stages would pay, and
 * it stops at `maxNodes`. `text`: the file's text, for positions and to tell whether nodes may be
 * shared; without it (a bundled document) they are taken as unshared.
 */
export function checkDocumentShape(document: unknown, file: string, limits: InputLimits, text?: string): void {
  if (document === null || typeof document !== "object") return;
  const shared = text !== undefined && mayShareNodes(text);
  const fail = (visit: Visit, problem: string, fix: string, extra: string[] = []) =>
    new SpecError({ file, pointer: pointerOf(...[...pointerTokens(visit), ...extra]), problem, fix });
  const seen = new Set<object>();
  const stack: Visit[] = [{ node: document, key: "", parent: undefined, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (!shared) {
      // A tree: every node is met once.
    } else if (seen.has(visit.node)) {
      visit.alias = true;
      if (isOwnAncestor(visit)) {
        throw fail(
          visit,
          "a YAML alias refers to a mapping or list that contains it: the document would be infinite",
          "replace the alias (*name) with a $ref to a component, which may be recursive",
        );
      }
    } else {
      seen.add(visit.node);
    }
    if (++nodes > limits.maxNodes) {
      const at = outermostAlias(visit);
      const where = at === visit ? "the limit was reached here" : "the limit was reached expanding the alias here";
      throw fail(
        at,
        `more than ${limits.maxNodes.toLocaleString("en-US")} objects and lists once YAML aliases are expanded (${where}): an alias bomb, or a spec bigger than allowed`,
        `use $refs instead of nested aliases, or raise ${LIMIT_KNOBS.maxNodes}`,
      );
    }
    if (visit.depth > limits.maxDepth) {
      // Too deep for the YAML AST that positions other errors (it recurses): JSON is scanned instead.
      const at = text === undefined ? undefined : jsonNestingPosition(text, limits.maxDepth + 1);
      const error = fail(visit, `nested more than ${limits.maxDepth} levels deep`, DEPTH_FIX);
      throw at ? new SpecError({ ...error.diagnostic, ...at }) : error;
    }
    const node = visit.node as Record<string, unknown>;
    const isList = Array.isArray(node);
    const keys = Object.keys(node);
    for (const key of isList ? [] : keys) {
      if (key.length > limits.maxNameLength) {
        throw fail(
          visit,
          `a key of ${key.length.toLocaleString("en-US")} characters (${shortened(key)}); the limit is ${limits.maxNameLength.toLocaleString("en-US")}`,
          `shorten it, or raise ${LIMIT_KNOBS.maxNameLength}`,
          [key],
        );
      }
      const value = node[key];
      if (typeof value === "string" && value.length > limits.maxNameLength && NAMED_VALUES.has(key)) {
        throw fail(
          visit,
          `${key} of ${value.length.toLocaleString("en-US")} characters (${shortened(value)}); the limit is ${limits.maxNameLength.toLocaleString("en-US")}`,
          `shorten it, or raise ${LIMIT_KNOBS.maxNameLength}`,
          [key],
        );
      }
    }
    // Pushed last to first, so nodes are visited in document order: the first problem is reported.
    for (let i = keys.length - 1; i >= 0; i--) {
      const value = node[keys[i]!];
      if (value !== null && typeof value === "object")
        stack.push({ node: value, key: keys[i]!, parent: visit, depth: visit.depth + 1 });
    }
  }
}

/**
 * Line and column of the first "{" or "[" that opens nesting level `level` (the root is level 0)
 * in JSON text, found by one pass that skips strings; undefined for YAML or when there is none.
 */
export function jsonNestingPosition(text: string, level: number): { line: number; column: number } | undefined {
  if (!/^\uFEFF?\s*[{[]/.test(text)) return undefined;
  let depth = -1;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{" || c === "[") {
      if (++depth === level) return { line, column: i - lineStart + 1 };
    } else if (c === "}" || c === "]") {
      depth--;
    } else if (c === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

function pointerTokens(visit: Visit): string[] {
  const tokens: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) tokens.push(v.key);
  return tokens.reverse();
}
