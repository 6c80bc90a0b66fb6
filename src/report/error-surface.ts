// The error surface as rows: one per (operation, status key, code), straight from the classified
// IR. The Markdown and HTML reports, --check's diff and the README's table all read these rows.
import type { ApiIR } from "../ir.js";
import type { ClassifiedOperation } from "../normalize/classify.js";
import { idempotencyText, retryBehaviour, type RetryBehaviour } from "./retry-summary.js";

export interface SurfaceRow {
  api: string;
  operation: string;
  method: string;
  path: string;
  status: string;
  /** "" for the status-level variant (no code, or a code not documented). */
  code: string;
  category: string;
  recovery: string;
  reason: string;
  idempotent: boolean;
  /** The operation's summary, "" when it has none. */
  summary: string;
  /** The response's description (the spec's words for this status). */
  description: string;
  /** Why a failed attempt may or may not be replayed, e.g. "not idempotent (POST)". */
  idempotency: string;
  /** What the generated client does on this error, from the spec's retry advice and the runtime defaults. */
  retry: RetryBehaviour;
}

export function surfaceRows(api: ApiIR, classified: ClassifiedOperation[]): SurfaceRow[] {
  return classified.flatMap(({ operation: op, errors }) =>
    errors.flatMap((e) => {
      const base = {
        api: api.title,
        operation: op.name,
        method: op.method.toUpperCase(),
        path: op.path,
        status: e.response.key,
        idempotent: op.idempotent,
        summary: op.summary ?? "",
        description: e.response.description,
        idempotency: idempotencyText(op),
      };
      const facts = {
        status: e.response.key,
        notProcessed: e.response.notProcessed,
        retryAfterHeader: e.response.retryAfterHeader,
      };
      const category = e.dynamic ? "by status" : e.verdict.category;
      const statusRow: SurfaceRow = {
        ...base,
        code: "",
        category,
        recovery: e.dynamic ? "by status" : e.verdict.recovery,
        reason: e.dynamic ? `${e.response.key}: classified by the actual status at run time` : e.verdict.reason,
        retry: retryBehaviour(api.retry, op, { ...facts, category }),
      };
      const codeRows = e.codes.map((c): SurfaceRow => ({
        ...base,
        code: c.code.value,
        category: c.verdict.category,
        recovery: c.verdict.recovery,
        reason: c.verdict.reason,
        retry: retryBehaviour(api.retry, op, { ...facts, category: c.verdict.category }),
      }));
      // A status whose codes are all enumerated still has a row for "no/unknown code" (a gateway's body).
      return [statusRow, ...codeRows];
    }),
  );
}
