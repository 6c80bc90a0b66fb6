// x-faultline-retry (docs/spec-extensions.md): an API's retry advice, on the root or an
// operation. Checked strictly: a typo here would silently change retry behaviour.
import { SpecError } from "../diagnostics.js";
import type { RetryAdviceIR, RetryPolicyFields } from "../ir.js";
import { isNode, type Doc } from "./document.js";

const NUMBER_FIELDS = ["maxRetries", "baseDelayMs", "maxDelayMs", "maxElapsedMs", "maxRetryAfterMs"] as const;
const STATUS_KEY = /^(?:[45](?:\d\d|XX))$/;

function fields(doc: Doc, value: unknown, pointer: string): RetryPolicyFields {
  const fail = (problem: string, fix: string) => new SpecError({ file: doc.file, pointer, problem, fix });
  if (!isNode(value))
    throw fail("x-faultline-retry must be a map", "e.g. x-faultline-retry: { maxRetries: 3, baseDelayMs: 1000 }");
  const out: RetryPolicyFields = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "byStatus") continue;
    if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
        throw fail(`${key} is ${JSON.stringify(v)}`, `${key} takes a number >= 0`);
      out[key as (typeof NUMBER_FIELDS)[number]] = v;
    } else if (key === "jitter") {
      const ok = v === "full" || v === "equal" || v === "none" || (typeof v === "number" && v >= 0 && v <= 1);
      if (!ok) throw fail(`jitter is ${JSON.stringify(v)}`, "jitter takes full, equal, none or a fraction from 0 to 1");
      out.jitter = v;
    } else {
      throw fail(
        `unknown retry field ${JSON.stringify(key)}`,
        `use ${[...NUMBER_FIELDS, "jitter", "byStatus"].join(", ")}`,
      );
    }
  }
  return out;
}

export function parseRetryAdvice(doc: Doc, value: unknown, pointer: string): RetryAdviceIR | undefined {
  if (value === undefined) return undefined;
  const advice: RetryAdviceIR = fields(doc, value, pointer);
  const byStatus = (value as Record<string, unknown>).byStatus;
  if (byStatus !== undefined) {
    if (!isNode(byStatus))
      throw new SpecError({
        file: doc.file,
        pointer: `${pointer}/byStatus`,
        problem: "byStatus must be a map",
        fix: 'e.g. byStatus: { "429": { maxRetries: 1 } }',
      });
    advice.byStatus = {};
    for (const key of Object.keys(byStatus).sort()) {
      if (!STATUS_KEY.test(key)) {
        throw new SpecError({
          file: doc.file,
          pointer: `${pointer}/byStatus/${key}`,
          problem: `${JSON.stringify(key)} is not an error status`,
          fix: 'use a 4xx/5xx status such as "429" or a range such as "5XX"',
        });
      }
      advice.byStatus[key] = fields(doc, byStatus[key], `${pointer}/byStatus/${key}`);
    }
  }
  return advice;
}
