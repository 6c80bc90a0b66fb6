// A spec file's text to a value: JSON.parse for JSON, Redocly's YAML loader (js-yaml with the
// JSON schema, no timestamps) for YAML, with faultline's nesting limit instead of js-yaml's
// default (100, the same number unless the user changes it). Throws what the parser throws.
import { createRequire } from "node:module";
import type { InputLimits } from "./limits.js";

const require = createRequire(import.meta.url);

/** Required alone: the package entry costs ~0.5 s. */
function parseYaml(text: string, file: string, maxDepth: number): unknown {
  const yaml = require("@redocly/openapi-core/lib/js-yaml/index.js") as typeof import("@redocly/openapi-core/lib/js-yaml/index.js");
  return yaml.parseYaml(text, { filename: file, maxDepth } as Parameters<typeof yaml.parseYaml>[1]);
}

export function isJsonText(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

export function parseText(rawText: string, file: string, limits: Pick<InputLimits, "maxDepth">): unknown {
  // Editors on Windows save a byte-order mark; JSON.parse rejects it, YAML ignores it.
  const text = rawText.replace(/^\uFEFF/, "");
  return isJsonText(text) ? JSON.parse(text) : parseYaml(text, file, limits.maxDepth);
}
