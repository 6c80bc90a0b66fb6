// An openapi-typescript quirk: for a schema that extends a discriminated base through allOf/anyOf,
// it adds the discriminator property as a literal (`class: "AddMediaIntent"`), and then prints the
// schema's own declaration of that same property too (`class?: "AddMediaIntent"`). TypeScript
// rejects the type literal (TS2300 duplicate identifier); Apple's SiriKit spec has 30 of them.
// The injected member comes first and is the precise one, so later members of the same name are
// dropped. Only specs that can trigger the quirk pay for the walk over the printed AST.
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";
import { decodePointerToken } from "../../pointer.js";

interface Discriminators {
  objects: Record<string, { propertyName: string }>;
}

function at(document: unknown, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = document;
  for (const raw of pointer.replace(/^#\//, "").split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[decodePointerToken(raw)];
  }
  return node !== null && typeof node === "object" ? (node as Record<string, unknown>) : undefined;
}

/** Does some schema both inherit a discriminator through allOf/anyOf and declare its property itself? */
export function mayDuplicateDiscriminator(document: unknown, discriminators: Discriminators): boolean {
  return Object.entries(discriminators.objects).some(([pointer, { propertyName }]) => {
    const schema = at(document, pointer);
    if (!schema || schema.discriminator || !(schema.allOf || schema.anyOf)) return false;
    const properties = schema.properties;
    return properties !== null && typeof properties === "object" && propertyName in properties;
  });
}

function memberName(ts: typeof TypeScript, member: TypeScript.TypeElement): string | undefined {
  const name = member.name;
  if (!name) return undefined;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** The nodes with every type literal's repeated members removed (the first of each name stays). */
export function withoutDuplicateMembers(nodes: TypeScript.Node[]): TypeScript.Node[] {
  const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;
  const dedupe = (context: TypeScript.TransformationContext) => (root: TypeScript.Node) => {
    const visit = (node: TypeScript.Node): TypeScript.Node => {
      const visited = ts.visitEachChild(node, visit, context);
      if (!ts.isTypeLiteralNode(visited)) return visited;
      const seen = new Set<string>();
      const members = visited.members.filter((member) => {
        const name = memberName(ts, member);
        if (name === undefined) return true;
        if (seen.has(name)) return false;
        seen.add(name);
        return true;
      });
      return members.length === visited.members.length
        ? visited
        : ts.factory.updateTypeLiteralNode(visited, ts.factory.createNodeArray(members));
    };
    return visit(root);
  };
  return ts.transform(nodes, [dedupe]).transformed;
}
