// generate() ships index.ts and the runtime without running prettier on them (see generate.ts):
// that is only right while their text is exactly what prettier would print.
import { describe, expect, it } from "vitest";
import { readRuntimeTemplates } from "../../src/cli/runtime-templates.js";
import { createPrettierFormat } from "../../src/format/format.js";
import { INDEX_FILE } from "../../src/emit/client/index-file.js";
import { runtimeFiles } from "../../src/emit/client/runtime-files.js";

const files = [{ path: "index.ts", contents: INDEX_FILE }, ...runtimeFiles(readRuntimeTemplates(), "9.9.9-test")];
const format = createPrettierFormat();

describe("constant output is written already formatted", () => {
  it.each(files.map((f) => [f.path, f.contents] as const))(
    "%s is a prettier fixed point (else run `npm run format:templates`)",
    async (_path, contents) => {
      expect(await format(contents)).toBe(contents);
    },
  );

  it("the runtime is every template, rendered with the version", () => {
    expect(files.map((f) => f.path)).toEqual([
      "index.ts",
      "runtime/auth.ts",
      "runtime/context.ts",
      "runtime/envelope.ts",
      "runtime/errors.ts",
      "runtime/failure.ts",
      "runtime/files.ts",
      "runtime/index.ts",
      "runtime/middleware.ts",
      "runtime/normalize.ts",
      "runtime/options.ts",
      "runtime/rate-limit.ts",
      "runtime/read-body.ts",
      "runtime/redirect.ts",
      "runtime/request.ts",
      "runtime/retry-timing.ts",
      "runtime/send.ts",
      "runtime/special-body.ts",
      "runtime/stream.ts",
      "runtime/timers.ts",
      "runtime/types.ts",
      "runtime/verdict.ts",
    ]);
    expect(files.find((f) => f.path === "runtime/index.ts")!.contents).toContain('RUNTIME_VERSION = "9.9.9-test"');
  });
});
