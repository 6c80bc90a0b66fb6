// `type: "null"` beside oneOf/anyOf whose branches all reject null admits no value at all. Specs
// mean "null, or one of these" (Vercel's EdgeConfigItemValue), but openapi-typescript prints the
// literal reading, `null & (A | B | ...)`, and when a branch refers back to the schema tsc
// rejects the type as circular (TS2502). Such a schema concerns one property, not the client:
// it is typed `unknown` (its keywords dropped, its description kept) with a warning at it.
import { pointerOf, type SpecWarning } from "../diagnostics.js";

const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
const KEPT = new Set(["description", "title"]);

interface Visit {
  node: Record<string, unknown>;
  key: string;
  parent: Visit | undefined;
}

function admitsNull(branch: unknown): boolean {
  if (branch === null || typeof branch !== "object") return false;
  const { type, nullable } = branch as Record<string, unknown>;
  return type === "null" || nullable === true || (Array.isArray(type) && type.includes("null")) || "$ref" in branch;
}

function tokensOf(visit: Visit): string[] {
  const tokens: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) tokens.push(v.key);
  return tokens.reverse();
}

/** Rewrites every such schema in place to an unconstrained one; a warning for each, in document order. */
export function relaxNullCompositions(document: Record<string, unknown>, file: string): SpecWarning[] {
  const warnings: SpecWarning[] = [];
  const stack: Visit[] = [{ node: document, key: "", parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node } = visit;
    if (node.type === "null") {
      const keyword = (["oneOf", "anyOf"] as const).find(
        (k) => Array.isArray(node[k]) && !(node[k] as unknown[]).some(admitsNull),
      );
      if (keyword) {
        warnings.push({
          file,
          pointer: pointerOf(...tokensOf(visit), "type"),
          problem: `type: "null" beside ${keyword} whose branches all reject null admits no value`,
          did: "typed this schema unknown",
          fix: `to allow null or a branch, add { type: "null" } to ${keyword} and drop type: "null" (OpenAPI 3.1), or write nullable: true instead (3.0)`,
        });
        for (const key of Object.keys(node)) if (!KEPT.has(key)) delete node[key];
        continue;
      }
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const value = node[keys[i]!];
      if (value !== null && typeof value === "object" && !DATA_KEYS.has(keys[i]!))
        stack.push({ node: value as Record<string, unknown>, key: keys[i]!, parent: visit });
    }
  }
  return warnings;
}
