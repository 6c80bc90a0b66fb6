// Which files under the given paths are API descriptions. A multi-file spec (matrix-data) keeps
// schema fragments next to its roots; a fragment has no top-level `openapi`/`swagger` key, so
// it is skipped rather than reported as a broken spec. A file named explicitly is always a spec:
// if it is not one, the user should hear why.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SPEC_EXTENSION = /\.(?:ya?ml|json)$/i;
const YAML_ROOT_KEY = /^["']?(?:openapi|swagger)["']?\s*:/m;
const JSON_ROOT_KEY = /"(?:openapi|swagger)"\s*:\s*"/;

export interface FoundSpecs {
  specs: string[];
  /** Files under a folder that are not API descriptions (schema fragments, examples). */
  fragments: string[];
}

export function isSpecText(text: string): boolean {
  return /^\s*\{/.test(text) ? JSON_ROOT_KEY.test(text) : YAML_ROOT_KEY.test(text);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : walk(full);
      return entry.isFile() && SPEC_EXTENSION.test(entry.name) ? [full] : [];
    });
}

/** Folders are searched recursively in name order; files are taken as given. */
export function findSpecs(paths: string[]): FoundSpecs {
  const found: FoundSpecs = { specs: [], fragments: [] };
  for (const given of paths) {
    if (!statSync(given, { throwIfNoEntry: false })?.isDirectory()) {
      found.specs.push(given);
      continue;
    }
    for (const file of walk(given)) {
      (isSpecText(readFileSync(file, "utf8")) ? found.specs : found.fragments).push(file);
    }
  }
  return found;
}
