// Dependencies through their public APIs only (issue 16): a version bump must be a version bump,
// not a ritual. The generator's own code (src, scripts, bench) may load a package by its name,
// its package.json, or the command it declares in "bin"; never a file inside it, never Node's
// require cache, never a private member.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FOLDERS = ["src", "scripts", "bench"];
/** import ... from "x", import("x"), require("x"), require.resolve("x"), createRequire(...).resolve("x"). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|(?:\brequire|\))\.resolve\s*\(\s*)["']([^"']+)["']/g;
/** Reaching into a module system or an object's private state. */
const FORBIDDEN = [/\brequire\.cache\b/, /\bnew Module\(/, /\b_context\b/, /\bModule\._\w+/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(?:[cm]?ts|[cm]?js)$/.test(entry.name) ? [file] : [];
  });
}

function packageOf(specifier: string): { name: string; subpath: string } | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  const size = specifier.startsWith("@") ? 2 : 1;
  return { name: parts.slice(0, size).join("/"), subpath: parts.slice(size).join("/") };
}

/** The files a package declares as commands ("bin"), relative to its folder. */
function declaredBins(name: string): string[] {
  const manifest = path.join(ROOT, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return [];
  const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin?: string | Record<string, string> }).bin;
  return (typeof bin === "string" ? [bin] : Object.values(bin ?? {})).map((file) => path.posix.normalize(file));
}

/** Every place in the generator's own code that breaks the rule, as "file:line: what". */
function violations(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (/^\s*(?:\/\/|\*)/.test(line)) return; // comments may name what they replaced
        const at = `${path.relative(ROOT, file)}:${index + 1}`;
        for (const match of line.matchAll(SPECIFIER)) {
          const target = packageOf(match[1]!);
          if (!target || target.subpath === "" || target.subpath === "package.json") continue;
          if (declaredBins(target.name).includes(path.posix.normalize(target.subpath))) continue;
          found.push(`${at}: loads a file inside ${target.name} (${match[1]}): use its package entry`);
        }
        for (const pattern of FORBIDDEN) if (pattern.test(line)) found.push(`${at}: ${pattern.source}`);
      });
  }
  return found;
}

describe("dependencies through public APIs", () => {
  it("src, scripts and bench load packages by their entry, package.json or declared bin only", () => {
    expect(violations(FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder))))).toEqual([]);
  });
});
