// The runtime every generated client ships with: handlebars templates (templates/runtime),
// rendered with the generator version and the shared classification data (status defaults and
// vocabulary: one source of truth for generator and runtime). The template text comes from the
// caller (src/cli/runtime-templates.ts reads the folder); here it is only compiled and rendered.
import Handlebars from "handlebars";
import { VOCABULARY } from "../../normalize/code-meaning.js";
import { STATUS_DEFAULTS } from "../../normalize/status-defaults.js";

/** One template file as read: `name` is its file name ("send.ts.hbs"), `text` its contents. */
export interface RuntimeTemplateSource {
  name: string;
  text: string;
}

/** A compiled template: `name` is the runtime file it renders ("send.ts"). */
export interface RuntimeTemplate {
  name: string;
  render: Handlebars.TemplateDelegate;
}

/**
 * Compiled once by the caller and handed to every generate() (a --watch session keeps them):
 * compiling the 14 templates costs ~10 ms, rendering them almost nothing.
 */
export function compileRuntimeTemplates(sources: RuntimeTemplateSource[]): RuntimeTemplate[] {
  return sources
    .filter((s) => s.name.endsWith(".ts.hbs"))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((s) => ({
      name: s.name.replace(/\.hbs$/, ""),
      render: Handlebars.compile(s.text, { noEscape: true, strict: true }),
    }));
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
  const vocabulary = VOCABULARY.filter((v) => /[nm]/.test(v.on)).map((v) => [
    v.pattern,
    v.category,
    v.recovery,
    v.on.replace("d", ""),
  ]);
  return { version, statusDefaults: singleQuoted(STATUS_DEFAULTS), vocabulary: singleQuoted(vocabulary) };
}

export function runtimeFiles(
  templates: readonly RuntimeTemplate[],
  version: string,
): { path: string; contents: string }[] {
  const context = runtimeContext(version);
  return templates.map((t) => ({ path: `runtime/${t.name}`, contents: t.render(context) }));
}
