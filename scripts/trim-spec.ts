// npx tsx scripts/trim-spec.ts <spec> <operationId>... > fixture.yaml
// Prints a spec holding only the named operations and every component they reach, transitively,
// with nothing cut inside them: a test fixture that stays faithful to the vendor's spec and can
// be derived again from a newer one. Local refs only (#/components/...), as vendor specs ship.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null;

const [file, ...ids] = process.argv.slice(2);
if (!file || ids.length === 0) {
  process.stderr.write("usage: npx tsx scripts/trim-spec.ts <spec> <operationId>...\n");
  process.exit(2);
}
const spec = parse(readFileSync(file, "utf8"), { maxAliasCount: -1 }) as Node;
const paths: Node = {};
const found = new Set<string>();
for (const [route, item] of Object.entries((spec.paths ?? {}) as Record<string, Node>)) {
  const kept = Object.entries(item).filter(([, op]) => isNode(op) && ids.includes(op.operationId as string));
  if (kept.length === 0) continue;
  for (const [, op] of kept) found.add((op as Node).operationId as string);
  paths[route] = { ...(item.parameters ? { parameters: item.parameters } : {}), ...Object.fromEntries(kept) };
}
const missing = ids.filter((id) => !found.has(id));
if (missing.length > 0) {
  process.stderr.write(`${file}: no operation ${missing.join(", ")}\n`);
  process.exit(1);
}

// Every #/components/<kind>/<name> reached from the kept operations, following refs inside them.
const components = (spec.components ?? {}) as Record<string, Node>;
const reached: Record<string, Node> = {};
const pending: unknown[] = [paths];
while (pending.length > 0) {
  const value = pending.pop();
  if (!isNode(value)) continue;
  const ref = value.$ref;
  if (typeof ref === "string") {
    const [, kind, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) ?? [];
    if (kind && name && !reached[kind]?.[name]) {
      const target = components[kind]?.[name];
      (reached[kind] ??= {})[name] = target;
      pending.push(target);
    }
  }
  pending.push(...Object.values(value));
}

const sorted = (group: Node) => Object.fromEntries(Object.entries(group).sort(([a], [b]) => a.localeCompare(b)));
const out: Node = {
  openapi: spec.openapi,
  info: spec.info,
  ...(spec.servers ? { servers: spec.servers } : {}),
  ...(spec.security ? { security: spec.security } : {}),
  paths,
  components: {
    ...Object.fromEntries(Object.entries(reached).map(([kind, group]) => [kind, sorted(group)])),
    ...(components.securitySchemes ? { securitySchemes: components.securitySchemes } : {}),
  },
};
const command = `npx tsx scripts/trim-spec.ts ${path.basename(file)} ${ids.join(" ")}`;
process.stdout.write(
  `# Derived from ${path.basename(file)} (${String((spec.info as Node).title)} ${String((spec.info as Node).version)})` +
    ` by \`${command}\`:\n# the named operations and every component they reach, unchanged.\n` +
    stringify(out, { lineWidth: 0, aliasDuplicateObjects: false }),
);
