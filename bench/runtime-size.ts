// The generated runtime's size as a user's bundler would ship it: every runtime module bundled,
// minified (esbuild) and gzipped (level 9). The old <= 4 KB target predates issues 13 (hardening)
// and 14 (run-time classification); measured since: 7,046 B min+gzip (16,071 B minified), of
// which ~540 B are the status defaults and vocabulary tables. An app that calls one operation
// ships less (errors.ts drops out): see bundle-size.ts.
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
