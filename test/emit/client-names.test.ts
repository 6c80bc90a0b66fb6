// Operation functions are exported beside the runtime's and operations.ts's values (index.ts uses
// `export *`), so an operation may never take one of their names: an ambiguous star export is
// silently dropped by JavaScript. naming.ts's list must cover every value the rendered runtime exports.
import { describe, expect, it } from "vitest";
import { camelCase, MODULE_VALUE_NAMES, uniqueNames } from "../../src/parse/naming.js";
import { loadRuntime } from "../runtime/render.js";

describe("operation names never shadow a module value", () => {
  it("reserves every camel-case value export of the rendered runtime", async () => {
    const runtime = (await loadRuntime()) as Record<string, unknown>;
    // Constants (RUNTIME_VERSION) and classes (FaultlineError) are not camel case: no operation name can be them.
    const values = Object.keys(runtime).filter((name) => camelCase(name) === name);
    expect(values.length).toBeGreaterThan(5);
    for (const name of values) expect(MODULE_VALUE_NAMES, name).toContain(name.toLowerCase());
  });

  it.each(["createClient", "createCore", "api", "operations", "unwrap", "createContext"])(
    "an operation named %s is renamed",
    (name) => {
      const [renamed] = uniqueNames([camelCase(name)]);
      expect(renamed).not.toBe(name);
      expect(renamed!.toLowerCase()).not.toBe(name.toLowerCase());
    },
  );
});
