// The hostile specs the generator is measured on (specs.ts): the committed hostile and broken
// fixtures, and those too big or too special to commit, made here into a temp folder.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface HostileSpec {
  name: string;
  /** The spec path, and any extra flags. */
  args: string[];
  /** 0: it must generate (names and text built to break out); 1: it must be refused. */
  expectedExit: 0 | 1;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

const json = (schema: string, operationId = "getThing") =>
  `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/things":{"get":{"operationId":${JSON.stringify(operationId)},"responses":{"500":{"description":"e","content":{"application/json":{"schema":${schema}}}}}}}}}`;

function laughs(levels: number): string {
  const lines = ["x-0: &l0 [{}, {}, {}, {}, {}, {}, {}, {}, {}]"];
  for (let i = 1; i < levels; i++)
    lines.push(
      `x-${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `openapi: 3.1.0\ninfo: { title: laughs, version: "1" }\n${lines.join("\n")}\npaths: {}\n`;
}

/** Specs made on the fly into `dir` (its `api/` folder is the spec folder; `outside/` is not). */
export function madeSpecs(dir: string): HostileSpec[] {
  const api = path.join(dir, "api");
  mkdirSync(api, { recursive: true });
  mkdirSync(path.join(dir, "outside"), { recursive: true });
  const made: [string, string][] = [
    [
      "alias-cycle.yaml",
      'openapi: 3.1.0\ninfo: { title: c, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "500": &r\n          description: d\n          content: { application/json: { schema: { properties: { self: *r } } } }\n',
    ],
    ["billion-laughs.yaml", laughs(10)],
    [
      "deep-5000.json",
      json(`${'{"type":"object","properties":{"a":'.repeat(5000)}{"type":"string"}${"}}".repeat(5000)}`),
    ],
    ["operation-id-100k.json", json('{"type":"string"}', "a".repeat(100_000))],
    ["key-100k.json", json(`{"type":"object","properties":{"${"k".repeat(100_000)}":{"type":"string"}}}`)],
    ["ref-dev-zero.json", json('{"$ref":"/dev/zero"}')],
    ["ref-etc-passwd.json", json('{"$ref":"/etc/passwd"}')],
    ["ref-outside.json", json('{"$ref":"../outside/secret.json"}')],
    ["ref-laughs.json", json('{"$ref":"./laughs.yaml#/x-9"}')],
    ["laughs.yaml", laughs(10)],
  ];
  for (const [name, text] of made) writeFileSync(path.join(api, name), text);
  writeFileSync(path.join(dir, "outside/secret.json"), '{"type":"string","enum":["SECRET"]}');
  // Sparse: 9 GB on paper, nothing on disk.
  writeFileSync(path.join(api, "huge.yaml"), "openapi: 3.1.0\n");
  truncateSync(path.join(api, "huge.yaml"), 9 * 1024 ** 3);
  execFileSync("mkfifo", [path.join(api, "fifo.yaml")]);
  const refused = (file: string, extra: string[] = []): HostileSpec => ({
    name: file,
    args: [path.join(api, file), ...extra],
    expectedExit: 1,
  });
  return [
    ...made.filter(([name]) => name !== "laughs.yaml").map(([name]) => refused(name)),
    refused("ref-dev-zero.json", ["--allow-ref-outside"]),
    refused("huge.yaml"),
    refused("fifo.yaml"),
    { name: "/dev/zero", args: ["/dev/zero"], expectedExit: 1 as const },
  ].map((s, i, all) =>
    all.findIndex((o) => o.name === s.name) === i ? s : { ...s, name: `${s.name} ${s.args.slice(1).join(" ")}` },
  );
}

/** The broken fixtures that are attacks rather than mistakes. */
const HOSTILE_BROKEN =
  /^(?:yaml-alias-cycle|yaml-billion-laughs|nested-alias-bomb|ref-outside-folder|nested-ref-outside-folder|ref-absolute-path|ref-proc-environ|ref-dev-zero)\.yaml$/;

/** The committed corpora: every hostile fixture must generate; the hostile broken ones must be refused. */
export function committedSpecs(): HostileSpec[] {
  const list = (folder: string, expectedExit: 0 | 1, only = /./): HostileSpec[] =>
    readdirSync(path.join(ROOT, folder))
      .filter((f) => /\.(ya?ml|json)$/.test(f) && only.test(f))
      .sort()
      .map((f) => ({ name: `${path.basename(folder)}/${f}`, args: [path.join(ROOT, folder, f)], expectedExit }));
  return [...list("test/fixtures/hostile", 0), ...list("test/fixtures/broken", 1, HOSTILE_BROKEN)];
}
