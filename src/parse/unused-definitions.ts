// A broken $ref inside a definition that no operation reaches does not concern the client: the
// definition (and every definition that refers to it, unreachable too) is skipped, with a
// warning that says so. A broken $ref an operation does reach is returned as `used`: the caller
// reports it as an error.
import { pointerOf, type SpecWarning } from "../diagnostics.js";
import { tokensOf, type RefSite } from "./ref-check.js";
import { decodePointerToken } from "../pointer.js";

export interface BrokenRef {
  ref: string;
  /** Where the $ref stands. */
  tokens: string[];
  problem: string;
  fix: string;
}

const SWAGGER2_DEFINITIONS = new Set(["definitions", "parameters", "responses"]);

/** The definition a place belongs to: components/<kind>/<name> (3.x), or definitions/<name> (2.0); undefined elsewhere. */
function definitionOf(tokens: string[]): string[] | undefined {
  if (tokens[0] === "components" && tokens.length >= 3) return tokens.slice(0, 3);
  if (SWAGGER2_DEFINITIONS.has(tokens[0]!) && tokens.length >= 2) return tokens.slice(0, 2);
  return undefined;
}

function refTokens(ref: string): string[] {
  return ref
    .slice(1)
    .split("/")
    .slice(1)
    .map((raw) => {
      let token = raw;
      try {
        token = decodeURIComponent(raw);
      } catch {
        // a malformed escape is the broken ref itself; its tokens stay as written
      }
      return decodePointerToken(token);
    });
}

const keyOf = (tokens: string[]) => pointerOf(...tokens);

export function skipUnusedDefinitions(
  root: Record<string, unknown>,
  refs: RefSite[],
  broken: BrokenRef[],
  file: string,
): { skipped: SpecWarning[]; used?: BrokenRef } {
  // Definition -> the definitions its refs name; refs outside any definition are where use starts.
  const edges = new Map<string, Set<string>>();
  const referrers = new Map<string, Set<string>>();
  const used = new Set<string>();
  const tokensByKey = new Map<string, string[]>();
  const frontier: string[] = [];
  for (const { ref, visit } of refs) {
    const target = definitionOf(refTokens(ref));
    if (!target) continue;
    const targetKey = keyOf(target);
    const holder = definitionOf(tokensOf(visit));
    if (!holder) {
      if (!used.has(targetKey)) frontier.push(targetKey);
      used.add(targetKey);
      continue;
    }
    const holderKey = keyOf(holder);
    tokensByKey.set(holderKey, holder);
    if (!edges.has(holderKey)) edges.set(holderKey, new Set());
    edges.get(holderKey)!.add(targetKey);
    if (!referrers.has(targetKey)) referrers.set(targetKey, new Set());
    referrers.get(targetKey)!.add(holderKey);
  }
  while (frontier.length > 0) {
    for (const next of edges.get(frontier.pop()!) ?? []) {
      if (!used.has(next)) {
        used.add(next);
        frontier.push(next);
      }
    }
  }
  const firstUsed = broken.find((b) => {
    const holder = definitionOf(b.tokens);
    return !holder || used.has(keyOf(holder));
  });
  if (firstUsed) return { skipped: [], used: firstUsed };

  const skipped: SpecWarning[] = [];
  const gone = new Set<string>();
  for (const b of broken) {
    const holder = definitionOf(b.tokens)!;
    const holderKey = keyOf(holder);
    tokensByKey.set(holderKey, holder);
    if (gone.has(holderKey)) continue;
    // Whatever refers to a skipped definition goes too: it is unused as well, or `used` had it.
    const dependents: string[] = [];
    const stack = [holderKey];
    gone.add(holderKey);
    while (stack.length > 0) {
      for (const referrer of referrers.get(stack.pop()!) ?? []) {
        if (gone.has(referrer)) continue;
        gone.add(referrer);
        dependents.push(referrer);
        stack.push(referrer);
      }
    }
    const also =
      dependents.length === 0
        ? ""
        : `, and ${dependents.length} unused definition${dependents.length === 1 ? " that refers" : "s that refer"} to it (${dependents
            .slice(0, 5)
            .map((d) => `#${d}`)
            .join(", ")}${dependents.length > 5 ? ", ..." : ""})`;
    skipped.push({
      file,
      pointer: pointerOf(...b.tokens, "$ref"),
      problem: b.problem,
      did: `no operation uses #${holderKey}: skipped it${also}`,
      fix: b.fix,
    });
  }
  for (const key of gone) remove(root, tokensByKey.get(key)!);
  return { skipped };
}

function remove(root: Record<string, unknown>, tokens: string[]): void {
  let node: unknown = root;
  for (const token of tokens.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[token];
  if (node !== null && typeof node === "object") delete (node as Record<string, unknown>)[tokens.at(-1)!];
}
