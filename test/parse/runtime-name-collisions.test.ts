// Generated types are named <Operation>Input/Success/Error/Result and index.ts re-exports them next
// to the runtime's exports. An operation whose name would produce a runtime type's name (send ->
// SendError) must be renamed, or index.ts fails to compile. This reads the runtime templates, so a
// new runtime type such as ConfigError fails here until its base is reserved in naming.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { camelCase, uniqueNames } from "../../src/parse/naming.js";

const TEMPLATES = path.resolve("templates/runtime");
const DECLARED = /\bexport\s+(?:interface|type|class|function|const)\s+([A-Z]\w*?)(Input|Success|Error|Result)\b/g;

function runtimeTypeBases(): string[] {
  const bases = new Set<string>();
  for (const file of readdirSync(TEMPLATES)) {
    for (const match of readFileSync(path.join(TEMPLATES, file), "utf8").matchAll(DECLARED)) bases.add(match[1]!);
  }
  return [...bases].sort();
}

describe("operation names never produce a runtime type name", () => {
  it("finds the runtime's own types", () => {
    expect(runtimeTypeBases()).toEqual(expect.arrayContaining(["Http", "Network", "Send"]));
  });

  it.each(runtimeTypeBases())("an operation named %s is renamed", (base) => {
    const name = camelCase(base);
    expect(uniqueNames([name])[0]).not.toBe(name);
  });
});
