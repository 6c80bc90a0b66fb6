// The runtime every generated client ships with: handlebars templates in templates/runtime,
// rendered with the generator version. Templates are read once per process; rendering is pure.
import { readdirSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";

const TEMPLATE_DIR = new URL("../../templates/runtime/", import.meta.url);

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

export function runtimeFiles(version: string): { path: string; contents: string }[] {
  return templates().map((t) => ({ path: `runtime/${t.name}`, contents: t.render({ version }) }));
}
