// The classifier: a pure function from the IR (plus user overrides) to a verdict per error
// response and per documented code. Category and recovery are decided by ordered rules, most
// specific first; `reason` names the rule that won, so a surprising verdict can be traced.
import type { ApiIR, Category, ErrorCodeIR, ErrorResponseIR, OperationIR, Recovery } from "../ir.js";
import { codeMeaning } from "./code-meaning.js";
import { categoryForStatus, recoveryForStatus } from "./status-defaults.js";

export interface Classification {
  category?: Category;
  recovery?: Recovery;
}

/** User config (faultline.config.json): overrides by status key, by code, per operation. */
export interface ClassifyOverrides {
  status?: Record<string, Classification>;
  codes?: Record<string, Classification>;
  /** Keyed by operation name or operationId. */
  operations?: Record<string, { status?: Record<string, Classification>; codes?: Record<string, Classification> }>;
}

export interface Verdict {
  category: Category;
  recovery: Recovery;
  reason: string;
}

export interface ClassifiedCode {
  code: ErrorCodeIR;
  verdict: Verdict;
  /** Decided by the code itself (override, extension or its words), not inherited from the status. */
  ownVerdict: boolean;
}

export interface ClassifiedError {
  response: ErrorResponseIR;
  verdict: Verdict;
  /** A range or default key with no explicit verdict: the runtime classifies by the actual status. */
  dynamic: boolean;
  codes: ClassifiedCode[];
}

export interface ClassifiedOperation {
  operation: OperationIR;
  errors: ClassifiedError[];
}

interface Candidate extends Classification {
  rule: string;
}

/** Category and recovery each come from the first candidate that sets them. */
function decide(
  candidates: (Candidate | undefined)[],
  fallback: { category: Category; recovery: Recovery; rule: string },
): Verdict {
  let category: { value: Category; rule: string } | undefined;
  let recovery: { value: Recovery; rule: string } | undefined;
  for (const c of candidates) {
    if (!c) continue;
    if (!category && c.category) category = { value: c.category, rule: c.rule };
    if (!recovery && c.recovery) recovery = { value: c.recovery, rule: c.rule };
  }
  const cat = category ?? { value: fallback.category, rule: fallback.rule };
  // A category decided above the status (billing by a code, say) brings its natural recovery.
  const rec =
    recovery ??
    (category
      ? { value: recoveryForCategory(cat.value, fallback), rule: cat.rule }
      : { value: fallback.recovery, rule: fallback.rule });
  const reason = cat.rule === rec.rule ? cat.rule : `${cat.rule}; recovery: ${rec.rule}`;
  return { category: cat.value, recovery: rec.value, reason };
}

function recoveryForCategory(category: Category, fallback: { category: Category; recovery: Recovery }): Recovery {
  if (category === fallback.category) return fallback.recovery;
  return category === "billing" ? "upgrade-plan" : category === "retryable" ? "retry-with-backoff" : "fix-request";
}

function statusFallback(response: ErrorResponseIR): { category: Category; recovery: Recovery; rule: string } {
  const key = response.key;
  if (response.status !== undefined) {
    return {
      category: categoryForStatus(response.status),
      recovery: recoveryForStatus(response.status),
      rule: `status ${key} default`,
    };
  }
  if (key === "5XX") return { category: "retryable", recovery: "retry-with-backoff", rule: "status 5XX default" };
  if (key === "4XX") return { category: "terminal", recovery: "fix-request", rule: "status 4XX default" };
  return { category: "terminal", recovery: "contact-support", rule: "status default: undocumented error" };
}

function override(source: Classification | undefined, rule: string): Candidate | undefined {
  return source ? { ...source, rule } : undefined;
}

export function classifyOperation(operation: OperationIR, overrides: ClassifyOverrides = {}): ClassifiedOperation {
  const perOp =
    overrides.operations?.[operation.name] ??
    (operation.operationId ? overrides.operations?.[operation.operationId] : undefined);
  const errors = operation.errors.map((response): ClassifiedError => {
    const key = response.key;
    const fallback = statusFallback(response);
    const responseRules: (Candidate | undefined)[] = [
      override(perOp?.status?.[key], `config: operation ${operation.name} status ${key}`),
      override(overrides.status?.[key], `config: status ${key}`),
      override(
        {
          ...(response.category ? { category: response.category } : {}),
          ...(response.recovery ? { recovery: response.recovery } : {}),
        },
        `x-faultline-category/recovery on ${key}`,
      ),
    ];
    const verdict = decide(responseRules, fallback);
    const explicit = responseRules.some((c) => c && (c.category || c.recovery));
    const codes = response.codes.map((code): ClassifiedCode => {
      const meaning = codeMeaning(code.value, code.description);
      const codeRules: (Candidate | undefined)[] = [
        override(perOp?.codes?.[code.value], `config: operation ${operation.name} code ${code.value}`),
        override(overrides.codes?.[code.value], `config: code ${code.value}`),
        override(
          {
            ...(code.category ? { category: code.category } : {}),
            ...(code.recovery ? { recovery: code.recovery } : {}),
          },
          `x-faultline-codes ${code.value}`,
        ),
        meaning && {
          category: meaning.category,
          recovery: meaning.recovery,
          rule: `code ${code.value}: ${meaning.source} says "${meaning.evidence}"`,
        },
      ];
      const own = codeRules.some((c) => c && (c.category || c.recovery));
      return { code, verdict: own ? decide([...codeRules, ...responseRules], fallback) : verdict, ownVerdict: own };
    });
    return { response, verdict, dynamic: response.status === undefined && !explicit, codes };
  });
  return { operation, errors };
}

export function classifyApi(api: ApiIR, overrides: ClassifyOverrides = {}): ClassifiedOperation[] {
  return api.operations.map((op) => classifyOperation(op, overrides));
}

/** Every code with a verdict of its own, spec-wide: classifies a code an operation did not document. */
export function codeTable(classified: ClassifiedOperation[]): Map<string, Verdict> {
  const table = new Map<string, Verdict>();
  for (const { errors } of classified) {
    for (const error of errors)
      for (const c of error.codes) if (c.ownVerdict && !table.has(c.code.value)) table.set(c.code.value, c.verdict);
  }
  return new Map([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
