// Formats the runtime templates in place with the generator's pinned prettier config, so that
// generate() can ship the rendered runtime without formatting it on every run (0.3-0.7 s of a
// cold process went to prettier warming up on ~28 KB of constant text). The templates' only
// placeholders sit in a comment and a string literal, where prettier leaves them alone;
// test/emit/preformatted.test.ts fails when a template is not formatted.
//
//   npm run format:templates
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createPrettierFormat } from "../src/format/format.js";

const format = createPrettierFormat();

const dir = new URL("../templates/runtime/", import.meta.url);
for (const name of (await readdir(dir)).filter((f) => f.endsWith(".ts.hbs")).sort()) {
  const before = await readFile(new URL(name, dir), "utf8");
  const after = await format(before);
  if (after !== before) await writeFile(new URL(name, dir), after);
  console.log(`${after === before ? "unchanged" : "formatted"} templates/runtime/${name}`);
}
