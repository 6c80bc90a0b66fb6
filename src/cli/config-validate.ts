// Strict validation of faultline.config.json (or the default export of faultline.config.mjs).
// A typo in a config file would otherwise silently change how errors are classified or
// retried, so every unknown key and every bad value is a diagnostic with a JSON pointer.
import { SpecError, pointerOf } from "../diagnostics.js";
import type { Category, Recovery, RetryAdviceIR } from "../ir.js";
import type { Classification, ClassifyOverrides } from "../normalize/classify.js";
import { parseRetryAdvice } from "../parse/retry-advice.js";
import { CATEGORIES, RECOVERIES } from "../vocabulary.js";
import type { InputLimits } from "../parse/limits.js";
import { checkLimits, checkRefRoots } from "./config-limits.js";

export interface ConfigEntry extends ConfigDefaults {
  spec: string;
  output: string;
}

export interface ConfigDefaults {
  overrides?: ClassifyOverrides;
  retry?: RetryAdviceIR;
  allowRemoteRefs?: boolean;
  /** Write into an output folder faultline does not own (it still never replaces the user's files). */
  force?: boolean;
  limits?: Partial<InputLimits>;
  /** Also write mocks.ts (true) and msw.ts ("msw"): see `generate --mocks`. */
  mocks?: boolean | "msw";
  /** true: $refs may name any file; a list: folders (relative to the config file) besides the spec's own. */
  allowRefOutside?: boolean | string[];
}

export interface ValidConfig extends ConfigDefaults {
  specs: ConfigEntry[];
}

type Json = Record<string, unknown>;
/** Settings allowed both config-wide and in a spec's entry. */
const DEFAULT_KEYS = ["overrides", "retry", "allowRemoteRefs", "force", "limits", "allowRefOutside", "mocks"];
const STATUS_KEY = /^(?:[45](?:\d\d|XX)|default)$/;

export class Checker {
  constructor(readonly file: string) {}

  fail(tokens: (string | number)[], problem: string, fix: string): SpecError {
    return new SpecError({ file: this.file, pointer: pointerOf(...tokens), problem, fix });
  }

  object(value: unknown, tokens: (string | number)[], what: string, example: string): Json {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw this.fail(tokens, `${what} must be an object`, `e.g. ${example}`);
    return value as Json;
  }

  keys(value: Json, tokens: (string | number)[], allowed: string[]): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const close = allowed.find((a) => editDistance(a.toLowerCase(), key.toLowerCase()) <= 2);
      throw this.fail(
        [...tokens, key],
        `unknown key ${JSON.stringify(key)}`,
        close ? `did you mean ${JSON.stringify(close)}?` : `allowed here: ${allowed.join(", ")}`,
      );
    }
  }

  path(value: unknown, tokens: (string | number)[], what: string): string {
    if (typeof value !== "string" || value.trim() === "")
      throw this.fail(tokens, `\`${tokens.at(-1)}\` must be a path`, `${what}, relative to the config file`);
    return value;
  }

  flag(value: unknown, tokens: (string | number)[]): boolean | undefined {
    if (value === undefined || typeof value === "boolean") return value;
    throw this.fail(
      tokens,
      `must be true or false, not ${JSON.stringify(value)}`,
      "write true or false, without quotes",
    );
  }

  classification(value: unknown, tokens: (string | number)[]): Classification {
    const entry = this.object(value, tokens, "an override", '{ "category": "billing", "recovery": "upgrade-plan" }');
    this.keys(entry, tokens, ["category", "recovery"]);
    const { category, recovery } = entry;
    if (category !== undefined && !CATEGORIES.includes(category as Category))
      throw this.fail(
        [...tokens, "category"],
        `unknown category ${JSON.stringify(category)}`,
        `use one of ${CATEGORIES.join(", ")}`,
      );
    if (recovery !== undefined && !RECOVERIES.includes(recovery as Recovery))
      throw this.fail(
        [...tokens, "recovery"],
        `unknown recovery ${JSON.stringify(recovery)}`,
        `use one of ${RECOVERIES.join(", ")}`,
      );
    return {
      ...(category ? { category: category as Category } : {}),
      ...(recovery ? { recovery: recovery as Recovery } : {}),
    };
  }

  table(
    value: unknown,
    tokens: (string | number)[],
    keyRule?: { test: RegExp; fix: string },
  ): Record<string, Classification> {
    const table = this.object(value, tokens, `\`${tokens.at(-1)}\``, '{ "429": { "category": "retryable" } }');
    return Object.fromEntries(
      Object.entries(table).map(([key, entry]) => {
        if (keyRule && !keyRule.test.test(key))
          throw this.fail([...tokens, key], `${JSON.stringify(key)} is not an error status`, keyRule.fix);
        return [key, this.classification(entry, [...tokens, key])];
      }),
    );
  }

  overrides(value: unknown, tokens: (string | number)[], perSpec: boolean): ClassifyOverrides {
    const raw = this.object(
      value,
      tokens,
      "`overrides`",
      '{ "codes": { "USAGE_LIMIT_REACHED": { "category": "billing" } } }',
    );
    if (!perSpec && raw.operations !== undefined) {
      throw this.fail(
        [...tokens, "operations"],
        "per-operation overrides belong to one spec",
        "move `operations` into that spec's entry under `specs`",
      );
    }
    this.keys(raw, tokens, perSpec ? ["status", "codes", "operations"] : ["status", "codes"]);
    const statusRule = {
      test: STATUS_KEY,
      fix: 'use a 4xx/5xx status such as "429", a range such as "5XX", or "default"',
    };
    const out: ClassifyOverrides = {};
    if (raw.status !== undefined) out.status = this.table(raw.status, [...tokens, "status"], statusRule);
    if (raw.codes !== undefined) out.codes = this.table(raw.codes, [...tokens, "codes"]);
    if (raw.operations !== undefined) {
      const ops = this.object(
        raw.operations,
        [...tokens, "operations"],
        "`operations`",
        '{ "createCase": { "codes": { ... } } }',
      );
      out.operations = Object.fromEntries(
        Object.entries(ops).map(([name, entry]) => {
          const at = [...tokens, "operations", name];
          const op = this.object(entry, at, "an operation override", '{ "status": { ... }, "codes": { ... } }');
          this.keys(op, at, ["status", "codes"]);
          return [
            name,
            {
              ...(op.status !== undefined ? { status: this.table(op.status, [...at, "status"], statusRule) } : {}),
              ...(op.codes !== undefined ? { codes: this.table(op.codes, [...at, "codes"]) } : {}),
            },
          ];
        }),
      );
    }
    return out;
  }

  retry(root: Json, value: unknown, tokens: (string | number)[]): RetryAdviceIR | undefined {
    return parseRetryAdvice({ root, file: this.file }, value, pointerOf(...tokens));
  }

  defaults(raw: Json, tokens: (string | number)[], perSpec: boolean, root: Json): ConfigDefaults {
    const allowRemoteRefs = this.flag(raw.allowRemoteRefs, [...tokens, "allowRemoteRefs"]);
    const force = this.flag(raw.force, [...tokens, "force"]);
    if (raw.mocks !== undefined && typeof raw.mocks !== "boolean" && raw.mocks !== "msw")
      throw this.fail(
        [...tokens, "mocks"],
        `must be true, false or "msw", not ${JSON.stringify(raw.mocks)}`,
        'true writes mocks.ts; "msw" also writes msw.ts (MSW v2 handlers)',
      );
    const retry = this.retry(root, raw.retry, [...tokens, "retry"]);
    const limits = raw.limits === undefined ? undefined : checkLimits(raw.limits, [...tokens, "limits"], this);
    const allowRefOutside =
      raw.allowRefOutside === undefined
        ? undefined
        : checkRefRoots(raw.allowRefOutside, [...tokens, "allowRefOutside"], this);
    return {
      ...(raw.overrides !== undefined
        ? { overrides: this.overrides(raw.overrides, [...tokens, "overrides"], perSpec) }
        : {}),
      ...(retry ? { retry } : {}),
      ...(allowRemoteRefs !== undefined ? { allowRemoteRefs } : {}),
      ...(force !== undefined ? { force } : {}),
      ...(raw.mocks !== undefined ? { mocks: raw.mocks } : {}),
      ...(limits ? { limits } : {}),
      ...(allowRefOutside !== undefined ? { allowRefOutside } : {}),
    };
  }
}

export function validateConfig(value: unknown, file: string): ValidConfig {
  const check = new Checker(file);
  const example = '{ "specs": [{ "spec": "openapi.yaml", "output": "src/api" }] }';
  const root = check.object(value, [], "the config", example);
  check.keys(root, [], ["$schema", "specs", ...DEFAULT_KEYS]);
  if (!Array.isArray(root.specs) || root.specs.length === 0)
    throw check.fail(["specs"], "`specs` must be a non-empty list", `e.g. ${example}`);
  const specs = root.specs.map((entry: unknown, i: number): ConfigEntry => {
    const raw = check.object(entry, ["specs", i], "a spec entry", '{ "spec": "openapi.yaml", "output": "src/api" }');
    check.keys(raw, ["specs", i], ["spec", "output", ...DEFAULT_KEYS]);
    const spec = check.path(raw.spec, ["specs", i, "spec"], "the OpenAPI file");
    const output = check.path(raw.output, ["specs", i, "output"], "the folder to generate into");
    return { spec, output, ...check.defaults(raw, ["specs", i], true, root) };
  });
  return { specs, ...check.defaults(root, [], false, root) };
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
