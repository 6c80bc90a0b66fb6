// The generated runtime's size as a user's bundler would ship it: every runtime module bundled,
// minified (esbuild) and gzipped (level 9). The old <= 4 KB target predates issues 13 (hardening)
// and 14 (run-time classification); measured since issue 17 (auth, middleware, context.ts):
// 8,171 B min+gzip (18,813 B minified), the status defaults table is ~110 B gzip of a one-operation bundle. An app
// that calls one operation ships less (errors.ts drops out, auth.ts too when the spec has no
// security schemes): see bundle-size.ts.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { readRuntimeTemplates } from "../src/cli/runtime-templates.js";
import { runtimeFiles } from "../src/emit/client/runtime-files.js";
import { VERSION } from "../src/version.js";

export interface RuntimeSize {
  minifiedBytes: number;
  gzipBytes: number;
}

export async function measureRuntimeSize(): Promise<RuntimeSize> {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-size-"));
  try {
    for (const file of runtimeFiles(readRuntimeTemplates(), VERSION)) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    const result = await build({
      entryPoints: [path.join(dir, "runtime", "index.ts")],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
