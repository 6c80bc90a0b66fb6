// Every documented error of every sample API, served by a real mock server (Prism) from the
// spec's own named examples, must come back from the generated client as the Result the spec
// implies: status, code, category, requestId and retryAfterMs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNode, type Node } from "../../src/parse/document.js";
import { generateIr } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import { codeTable } from "../../src/normalize/classify.js";
import { startPrism, type Prism } from "../helpers/prism.js";
import { at, authHeaders, resolve, responseExamples, validInput } from "../helpers/spec-examples.js";

const config = JSON.parse(readFileSync("faultline.config.json", "utf8")) as {
  specs: { spec: string; output: string }[];
};

describe.each(config.specs)("$spec under Prism", ({ spec, output }) => {
  let prism: Prism;
  beforeAll(async () => {
    prism = await startPrism(spec);
  });
  afterAll(async () => {
    await prism?.stop();
  });

  it("returns every documented error as the typed Result the spec implies", async () => {
    const loaded = await loadSpec(spec);
    const doc = loaded.document;
    const { classified } = generateIr(loaded);
    const codes = codeTable(classified);
    const { createClient } = (await import(
      /* @vite-ignore */ pathToFileURL(path.resolve(output, "index.ts")).href
    )) as {
      createClient: (
        o: object,
      ) => Record<
        string,
        (input: object, call: object) => Promise<{ ok: boolean; status?: number; error?: Record<string, unknown> }>
      >;
    };
    const client = createClient({ baseUrl: prism.url, headers: authHeaders(doc), retry: { maxRetries: 0 } });
    let checked = 0;
    for (const { operation: op, errors } of classified) {
      for (const error of errors) {
        if (error.response.status === undefined) continue; // Prism picks exact statuses only
        const responses = resolve(
          doc,
          (resolve(doc, (doc.paths as Node)[op.path])![op.method] as Node).responses,
        ) as Node;
        const raw = resolve(doc, responses[error.response.key])!;
        const examples = responseExamples(doc, raw);
        expect(examples.length, `${op.name} ${error.response.key} has no named example`).toBeGreaterThan(0);
        for (const example of examples) {
          const input = validInput(doc, op.path, op.method);
          const headers = {
            ...input.headers,
            prefer: `code=${error.response.status}, example=${example.name}`,
            accept: example.contentType,
          };
          const result = await client[op.name]!({ ...input, headers }, {});
          const where = `${op.name} ${error.response.key} example ${example.name}`;
          expect(result.ok, where).toBe(false);
          const e = result.error;
          const envelope = error.response.envelope;
          const rawCode = isNode(example.value) ? at(example.value, envelope.code) : undefined;
          const documented = error.codes.find((c) => c.code.value === rawCode);
          const expectedCode =
            typeof rawCode !== "string" ? undefined : error.codes.length === 0 || documented ? rawCode : undefined;
          const verdict =
            documented?.verdict ?? (typeof rawCode === "string" ? codes.get(rawCode) : undefined) ?? error.verdict;
          const bodyRequestId = at(example.value, envelope.requestId);
          const retryAfter = example.headers["retry-after"];
          expect(
            {
              kind: e.kind,
              status: e.status,
              code: e.code,
              category: e.category,
              recovery: e.recovery,
              requestId: e.requestId,
              retryAfterMs: e.retryAfterMs,
            },
            where,
          ).toEqual({
            kind: "http",
            status: error.response.status,
            code: expectedCode,
            category: verdict.category,
            recovery: verdict.recovery,
            requestId:
              typeof bodyRequestId === "string"
                ? bodyRequestId
                : (example.headers["x-request-id"] ?? example.headers["request-id"]),
            retryAfterMs: retryAfter !== undefined && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined,
          });
          expect(e.attempts, where).toBe(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
