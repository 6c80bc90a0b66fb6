// The runtime every generated client ships with: handlebars templates in templates/runtime,
// rendered with the generator version and the shared classification data (status defaults and
// vocabulary: one source of truth for generator and runtime). Templates are read once per
// process; rendering is pure.
import { readdirSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { VOCABULARY } from "../../normalize/code-meaning.js";
import { STATUS_DEFAULTS } from "../../normalize/status-defaults.js";

const TEMPLATE_DIR = new URL("../../../templates/runtime/", import.meta.url);

let compiled: { name: string; render: Handlebars.TemplateDelegate }[] | undefined;

function templates() {
  compiled ??= readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith(".ts.hbs"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.hbs$/, ""),
      render: Handlebars.compile(readFileSync(new URL(f, TEMPLATE_DIR), "utf8"), { noEscape: true, strict: true }),
    }));
  return compiled;
}

/**
 * JSON as the body of a single-quoted string literal: the templates keep their placeholders in
 * string literals, so prettier can format the templates (scripts/format-templates.ts).
 */
function singleQuoted(data: unknown): string {
  return JSON.stringify(data).replace(/\\/g, "\\\\").replace(/'/g, "\\'");
}

/** What every template is rendered with. The runtime needs only the code and message vocabulary. */
export function runtimeContext(version: string): Record<string, string> {
  const vocabulary = VOCABULARY.filter((v) => /[nm]/.test(v.on)).map((v) => [v.pattern, v.category, v.recovery, v.on.replace("d", "")]);
  return { version, statusDefaults: singleQuoted(STATUS_DEFAULTS), vocabulary: singleQuoted(vocabulary) };
}

export function runtimeFiles(version: string): { path: string; contents: string }[] {
  const context = runtimeContext(version);
  return templates().map((t) => ({ path: `runtime/${t.name}`, contents: t.render(context) }));
}
