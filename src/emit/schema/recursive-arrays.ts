// A schema that is an array of itself (Algolia's `facetFilters: oneOf: [array of facetFilters,
// string]`) comes out of openapi-typescript as
//   facetFilters: components["schemas"]["facetFilters"][] | string;
// and tsc rejects it (TS2502): an indexed access is resolved eagerly, unlike a recursive type
// alias. An interface's base types are resolved lazily, so each such array becomes
//   export interface SchemaArray_facetFilters extends Array<components["schemas"]["facetFilters"]> {}
// the same type, in a form tsc accepts. Only arrays whose element leads back to the member
// without passing through an object type (which defers too) are rewritten; every other schema
// keeps openapi-typescript's exact text.
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

type Ts = typeof TypeScript;

/** `components["schemas"]["X"]` -> "X". */
function schemaRef(ts: Ts, node: TypeScript.Node): string | undefined {
  if (
    !ts.isIndexedAccessTypeNode(node) ||
    !ts.isLiteralTypeNode(node.indexType) ||
    !ts.isStringLiteral(node.indexType.literal)
  )
    return undefined;
  const inner = node.objectType;
  if (
    !ts.isIndexedAccessTypeNode(inner) ||
    !ts.isLiteralTypeNode(inner.indexType) ||
    !ts.isStringLiteral(inner.indexType.literal)
  )
    return undefined;
  if (inner.indexType.literal.text !== "schemas" || !ts.isTypeReferenceNode(inner.objectType)) return undefined;
  const name = inner.objectType.typeName;
  return ts.isIdentifier(name) && name.text === "components" ? node.indexType.literal.text : undefined;
}

/** Schemas a type needs resolved at once: refs outside object type literals (those defer). */
function eagerRefs(ts: Ts, type: TypeScript.Node, into: Set<string>): void {
  const ref = schemaRef(ts, type);
  if (ref !== undefined) into.add(ref);
  else if (!ts.isTypeLiteralNode(type)) type.forEachChild((child) => eagerRefs(ts, child, into));
}

function memberName(ts: Ts, member: TypeScript.TypeElement): string | undefined {
  const name = member.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** Members of `components.schemas`: name -> type node. */
function schemaMembers(ts: Ts, nodes: TypeScript.Node[]): Map<string, TypeScript.TypeNode> | undefined {
  const components = nodes.find(
    (n): n is TypeScript.InterfaceDeclaration => ts.isInterfaceDeclaration(n) && n.name.text === "components",
  );
  const schemas = components?.members.find((m) => memberName(ts, m) === "schemas");
  if (!schemas || !ts.isPropertySignature(schemas) || !schemas.type || !ts.isTypeLiteralNode(schemas.type))
    return undefined;
  const members = new Map<string, TypeScript.TypeNode>();
  for (const m of schemas.type.members) {
    const name = memberName(ts, m);
    if (name !== undefined && ts.isPropertySignature(m) && m.type) members.set(name, m.type);
  }
  return members;
}

/** Members that reach themselves through eager refs (Tarjan's strongly connected components). */
function cyclicGroups(edges: Map<string, Set<string>>): Map<string, number> {
  const group = new Map<string, number>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      members.push(w);
      if (w === v) break;
    }
    if (members.length > 1 || edges.get(v)!.has(v)) for (const m of members) group.set(m, index.get(v)!);
  };
  for (const v of edges.keys()) if (!index.has(v)) connect(v);
  return group;
}

function interfaceName(schema: string, taken: Set<string>): string {
  const base = `SchemaArray_${schema.replace(/[^A-Za-z0-9_$]+/g, "_")}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

export function withRecursiveArraysAsInterfaces(nodes: TypeScript.Node[]): TypeScript.Node[] {
  const ts = createRequire(import.meta.url)("typescript") as Ts;
  const members = schemaMembers(ts, nodes);
  if (!members) return nodes;
  const edges = new Map<string, Set<string>>();
  for (const [name, type] of members) {
    const refs = new Set<string>();
    eagerRefs(ts, type, refs);
    edges.set(name, refs);
  }
  const group = cyclicGroups(edges);
  if (group.size === 0) return nodes;

  const names = new Map<string, string>();
  const taken = new Set<string>();
  const f = ts.factory;
  const rewrite = (context: TypeScript.TransformationContext) => (root: TypeScript.Node) => {
    // Inside the schemas member being visited: which cyclic group it is in.
    let current: number | undefined;
    const visit = (node: TypeScript.Node): TypeScript.Node => {
      if (ts.isPropertySignature(node) && node.type && members.get(memberName(ts, node) ?? "") === node.type) {
        current = group.get(memberName(ts, node)!);
        const visited = current === undefined ? node : ts.visitEachChild(node, visit, context);
        current = undefined;
        return visited;
      }
      if (current !== undefined && ts.isTypeLiteralNode(node)) return node; // object types defer: fine as they are
      if (current !== undefined && ts.isArrayTypeNode(node)) {
        const element = schemaRef(ts, node.elementType);
        if (element !== undefined && group.get(element) === current) {
          if (!names.has(element)) names.set(element, interfaceName(element, taken));
          return f.createTypeReferenceNode(names.get(element)!);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return visit(root);
  };
  const rewritten = ts.transform(nodes, [rewrite]).transformed;
  const declarations = [...names].map(([schema, name]) =>
    withComment(
      ts,
      `An array of components["schemas"][${JSON.stringify(schema)}]: an interface, as tsc rejects an array type that contains itself (TS2502).`,
      f.createInterfaceDeclaration(
        [f.createModifier(ts.SyntaxKind.ExportKeyword)],
        name,
        undefined,
        [
          f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [
            f.createExpressionWithTypeArguments(f.createIdentifier("Array"), [schemaTypeNode(f, schema)]),
          ]),
        ],
        [],
      ),
    ),
  );
  const at = rewritten.findIndex((n) => ts.isInterfaceDeclaration(n) && n.name.text === "components");
  return [...rewritten.slice(0, at + 1), ...declarations, ...rewritten.slice(at + 1)];
}

function withComment<T extends TypeScript.Node>(ts: Ts, text: string, node: T): T {
  // "*/" in a schema name must not end the comment early.
  return ts.addSyntheticLeadingComment(
    node,
    ts.SyntaxKind.MultiLineCommentTrivia,
    `* ${text.replace(/\*\//g, "*\\/")} `,
    true,
  );
}

function schemaTypeNode(f: TypeScript.NodeFactory, schema: string): TypeScript.TypeNode {
  const literal = (text: string) => f.createLiteralTypeNode(f.createStringLiteral(text));
  return f.createIndexedAccessTypeNode(
    f.createIndexedAccessTypeNode(f.createTypeReferenceNode("components"), literal("schemas")),
    literal(schema),
  );
}
