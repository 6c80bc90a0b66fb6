// Bad input through the real CLI: every broken spec in test/fixtures/broken exits 1 with one
// diagnostic (file, line:col where known, JSON pointer, problem, fix), never a stack trace, and
// leaves an existing output folder exactly as it was.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, snapshotDir } from "./run-cli.js";

const DIR = "test/fixtures/broken";
const EXTENSIONS = "see docs/spec-extensions.md for the x-faultline-* extensions";
const YAML_FIX = "correct the YAML syntax at that line";
const JSON_FIX = "correct the JSON syntax at that line";
const VERSION_FIX = 'faultline reads OpenAPI 3.0, 3.1, 3.2 (`openapi: "3.2.0"`) and Swagger 2.0 (`swagger: "2.0"`)';
const STATUS_FIX = 'use an HTTP status such as "404", a range such as "4XX", or "default"';
const NOT_A_MAPPING = "an OpenAPI document is a mapping with `openapi`, `info` and `paths` at the top";
const DOT_FIX = "remove the dot segment: write the path as the server serves it, relative to the server URL";
const WRITE_A_SPEC = "write an OpenAPI 3.x or Swagger 2.0 document";
const OUTSIDE_FIX =
  'keep $ref\'d files inside the spec\'s folder, or allow that folder: --allow-ref-outside, or "allowRefOutside": ["../shared"] in the config';
const OUTSIDE = (ref: string, named: string) =>
  `$ref ${JSON.stringify(ref)} leaves the spec's folder ${DIR}: it names ${named}`;
const ALIAS_CYCLE = "a YAML alias refers to a mapping or list that contains it: the document would be infinite";
const ALIAS_BOMB =
  "more than 2,000,000 objects and lists once YAML aliases are expanded (the limit was reached expanding the alias here): an alias bomb, or a spec bigger than allowed";
const ALIAS_BOMB_FIX = "use $refs instead of nested aliases, or raise --max-nodes (config limits.maxNodes)";

/** fixture -> [where (after the file name), problem, fix, the file named when it is not the fixture] */
const CASES: [string, string, string, string, string?][] = [
  ["malformed-yaml.yaml", ":11:8", "invalid YAML: bad indentation of a mapping entry", YAML_FIX],
  ["tab-indent.yaml", ":3:1", "invalid YAML: tab characters must not be used in indentation", YAML_FIX],
  ["duplicate-yaml-key.yaml", ":11:3", "invalid YAML: duplicated mapping key", YAML_FIX],
  ["malformed-json.json", ":5:74", "invalid JSON: Expected double-quoted property name", JSON_FIX],
  ["truncated-json.json", ":6:1", "invalid JSON: Expected ',' or '}' after property value", JSON_FIX],
  ["empty.yaml", "", "the file is empty", WRITE_A_SPEC],
  ["comments-only.yaml", "", "the file has no content: only comments or blank lines", WRITE_A_SPEC],
  ["scalar-document.yaml", " at #", "the document is a string, not a mapping", NOT_A_MAPPING],
  ["top-level-list.yaml", " at #", "the document is a list, not a mapping", NOT_A_MAPPING],
  ["no-version.yaml", " at #", "unsupported version (no `openapi` or `swagger` field)", VERSION_FIX],
  ["version-swagger-1.2.yaml", ":1:1 at #/swagger", 'unsupported version (swagger: "1.2")', VERSION_FIX],
  ["version-openapi-4.0.yaml", ":1:1 at #/openapi", 'unsupported version (openapi: "4.0.0")', VERSION_FIX],
  [
    "unquoted-version.yaml",
    ":1:1 at #/openapi",
    "unsupported version (openapi: 3.1)",
    'quote the version: YAML reads an unquoted 3.1 as a number; write openapi: "3.1.0" or swagger: "2.0"',
  ],
  ["missing-info.yaml", " at #/info", "`info` is missing", "add info: { title: My API, version: 1.0.0 }"],
  [
    "paths-not-a-map.yaml",
    ":3:1 at #/paths",
    "`paths` is not a map",
    "paths maps each path template to its operations",
  ],
  [
    "missing-responses.yaml",
    ":5:5 at #/paths/~1things/get/responses",
    "operation has no `responses`",
    "add a responses map, e.g. responses: { '200': { description: OK } }",
  ],
  ["status-600.yaml", ":8:9 at #/paths/~1things/get/responses/600", '"600" is not a status code', STATUS_FIX],
  ["status-4xx5.yaml", ":8:9 at #/paths/~1things/get/responses/4xx5", '"4xx5" is not a status code', STATUS_FIX],
  [
    "dot-segment-path.yaml",
    ":8:3 at #/paths/~1things~1..~1..~1admin~1users",
    'path "/things/../../admin/users" has a ".." segment: URL parsers resolve it, so the call would leave the base URL\'s path',
    DOT_FIX,
  ],
  [
    "encoded-dot-segment-path.yaml",
    ":4:3 at #/paths/~1v2~1%2E%2e~1internal~1{id}",
    'path "/v2/%2E%2e/internal/{id}" has a "%2E%2e" segment: URL parsers resolve it, so the call would leave the base URL\'s path',
    DOT_FIX,
  ],
  [
    "dangling-local-ref.yaml",
    ":9:11 at #/paths/~1things/get/responses/404/$ref",
    '$ref "#/components/responses/NotFound" points to nothing',
    "point the $ref at an existing component, e.g. #/components/schemas/Error",
  ],
  [
    "circular-ref.yaml",
    ":9:11 at #/paths/~1things/get/responses/500/$ref",
    "$ref chain #/components/responses/A -> #/components/responses/B -> #/components/responses/A is circular: it never reaches an object",
    "make one $ref in the chain point at the actual object (a Response, Parameter or Schema)",
  ],
  [
    "bad-percent-ref.yaml",
    ":13:17 at #/paths/~1things/get/responses/400/content/application~1json/schema/$ref",
    '$ref "#/components/schemas/100%25%" is not a valid URI fragment: a "%" must start an escape such as %25',
    'write a literal "%" in a key as %25, e.g. #/components/schemas/100%25',
  ],
  [
    "dangling-ref-other-file.yaml",
    ":9:11 at #/paths/~1things/get/responses/400/$ref",
    `$ref "./parts/responses.yaml#/BadRequst" points to nothing: ${DIR}/parts/responses.yaml has no "BadRequst" at its top level (it has: BadRequest)`,
    "point the fragment after # at an existing key of that file",
  ],
  [
    "missing-ref-file.yaml",
    ":9:11 at #/paths/~1things/get/responses/400/$ref",
    `$ref "./parts/no-such-file.yaml#/BadRequest" names a file that does not exist: ${DIR}/parts/no-such-file.yaml`,
    "create that file or correct the path (a $ref path is relative to the file that holds the $ref)",
  ],
  [
    "remote-ref.yaml",
    ":9:11 at #/paths/~1things/get/responses/500/$ref",
    'remote $ref "https://example.invalid/errors.yaml#/ServerError" refused: a spec is untrusted input and faultline does not fetch URLs it names',
    "download the referenced file and $ref it by relative path, or pass --allow-remote-refs",
  ],
  [
    "nested-remote-ref.yaml",
    ":7:9 at #/ServerError/content/application~1json/schema/$ref",
    'remote $ref "https://example.invalid/schemas/error.yaml" refused: a spec is untrusted input and faultline does not fetch URLs it names',
    "download the referenced file and $ref it by relative path, or pass --allow-remote-refs",
    `${DIR}/parts/remote-errors.yaml`,
  ],
  [
    "bad-category.yaml",
    ":10:11 at #/paths/~1things/get/responses/402/x-faultline-category",
    'x-faultline-category is "payment"; expected one of retryable, terminal, billing',
    EXTENSIONS,
  ],
  [
    "bad-recovery-in-codes.yaml",
    ":13:15 at #/paths/~1things/get/responses/409/x-faultline-codes/VERSION_MISMATCH/recovery",
    'recovery is "reload"; expected one of retry-with-backoff, wait-and-retry, fix-request, reauthenticate, check-permissions, check-resource, refresh-and-retry, upgrade-plan, update-payment, use-another-payment-method, contact-support',
    EXTENSIONS,
  ],
  [
    "bad-retry-field.yaml",
    ":3:1 at #/x-faultline-retry",
    'unknown retry field "maxRetrys"',
    "use maxRetries, baseDelayMs, maxDelayMs, maxElapsedMs, maxRetryAfterMs, jitter, byStatus",
  ],
  [
    "bad-retry-negative.yaml",
    ":6:7 at #/paths/~1things/get/x-faultline-retry",
    "baseDelayMs is -100",
    "baseDelayMs takes a number >= 0",
  ],
  [
    "bad-retry-by-status.yaml",
    ":9:11 at #/paths/~1things/get/x-faultline-retry/byStatus/200",
    '"200" is not an error status',
    'use a 4xx/5xx status such as "429" or a range such as "5XX"',
  ],
  [
    "yaml-alias-cycle.yaml",
    ":14:19 at #/paths/~1things/get/responses/500/content/application~1json/schema/properties/self",
    ALIAS_CYCLE,
    "replace the alias (*name) with a $ref to a component, which may be recursive",
  ],
  ["yaml-billion-laughs.yaml", ":9:19 at #/x-g/2", ALIAS_BOMB, ALIAS_BOMB_FIX],
  ["nested-alias-bomb.yaml", ":7:17 at #/g/2", ALIAS_BOMB, ALIAS_BOMB_FIX, `${DIR}/parts/alias-bomb.yaml`],
  [
    "ref-outside-folder.yaml",
    ":10:11 at #/paths/~1things/get/responses/500/$ref",
    OUTSIDE("../good/minimal.yaml#/paths/~1things~1{id}/get/responses/404", "test/fixtures/good/minimal.yaml"),
    OUTSIDE_FIX,
  ],
  [
    "nested-ref-outside-folder.yaml",
    ":6:9 at #/ServerError/content/application~1json/schema/$ref",
    OUTSIDE(
      "../../good/minimal.yaml#/paths/~1things~1{id}/get/responses/404/content/application~1json/schema",
      "test/fixtures/good/minimal.yaml",
    ),
    OUTSIDE_FIX,
    `${DIR}/parts/outside-ref.yaml`,
  ],
  [
    "ref-absolute-path.yaml",
    ":12:17 at #/paths/~1things/get/responses/500/content/text~1plain/schema/$ref",
    OUTSIDE("/etc/passwd", "/etc/passwd"),
    OUTSIDE_FIX,
  ],
  [
    "ref-proc-environ.yaml",
    ":12:17 at #/paths/~1things/get/responses/500/content/text~1plain/schema/$ref",
    OUTSIDE("/proc/self/environ", "/proc/self/environ"),
    OUTSIDE_FIX,
  ],
  [
    "ref-dev-zero.yaml",
    ":12:17 at #/paths/~1things/get/responses/500/content/application~1json/schema/$ref",
    OUTSIDE("/dev/zero", "/dev/zero"),
    OUTSIDE_FIX,
  ],
  [
    "bad-idempotent-flag.yaml",
    ":6:7 at #/paths/~1things/post/x-faultline-idempotent",
    'x-faultline-idempotent is "yes"',
    "use true or false",
  ],
];

let out: string;
let before: ReturnType<typeof snapshotDir>;
beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), "faultline-broken-")), "client");
  const good = await runCli("generate", "test/fixtures/good/minimal.yaml", "-o", out);
  expect(good).toMatchObject({ code: 0, err: "" });
  before = snapshotDir(out);
  expect(Object.keys(before)).toContain("client.ts");
});

/** Runs one command on a bad spec and checks the whole contract: exit 1, exactly this diagnostic, no stack, output untouched. */
async function expectRejected(
  argv: string[],
  file: string,
  where: string,
  problem: string,
  fix: string,
): Promise<void> {
  const run = await runCli(...argv);
  expect(run.err).toBe(`error: ${file}${where}: ${problem}\n  fix: ${fix}\n`);
  expect(run.err).not.toMatch(/^ {4}at /m);
  expect(run.code).toBe(1);
  expect(run.out).toBe("");
  expect(snapshotDir(out)).toEqual(before);
}

describe("broken specs", () => {
  it("the corpus has at least 20 specs and the table covers every one", () => {
    const fixtures = readdirSync(DIR)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(CASES.map(([f]) => f).sort()).toEqual(fixtures);
  });

  it.each(CASES)("generate %s", async (fixture, where, problem, fix, shown) => {
    const file = `${DIR}/${fixture}`;
    await expectRejected(["generate", file, "-o", out], shown ?? file, where, problem, fix);
  });

  it.each(CASES)("report %s", async (fixture, where, problem, fix, shown) => {
    const file = `${DIR}/${fixture}`;
    await expectRejected(["report", file, "-o", path.join(out, "report.md")], shown ?? file, where, problem, fix);
  });

  it.each(CASES)("lint %s", async (fixture, where, problem, fix, shown) => {
    const file = `${DIR}/${fixture}`;
    await expectRejected(["lint", file, "--strict"], shown ?? file, where, problem, fix);
  });
});

describe("specs that cannot be read", () => {
  // Root reads any file whatever its mode, and CI runs as root, so chmod 000 proves nothing there;
  // a folder and a path through a file fail for root and everyone else alike.
  it("a folder where a spec file should be", async () => {
    const folder = `${DIR}/parts`;
    await expectRejected(
      ["generate", folder, "-o", out],
      folder,
      "",
      "is a folder, not a spec file",
      "pass the path of an OpenAPI YAML or JSON file",
    );
  });

  it("a path that runs through a file", async () => {
    const file = `${DIR}/empty.yaml/openapi.yaml`;
    await expectRejected(
      ["generate", file, "-o", out],
      file,
      "",
      "file not found: a folder in its path is a file",
      "pass the path of an OpenAPI YAML or JSON file",
    );
  });

  it("a file that does not exist", async () => {
    const file = `${DIR}/no-such-spec.yaml`;
    await expectRejected(
      ["generate", file, "-o", out],
      file,
      "",
      "file not found",
      "pass the path of an OpenAPI YAML or JSON file",
    );
  });
});
