// The error surface as rows: one per (operation, status key, code), straight from the classified
// IR. The Markdown and HTML reports, --check's diff and the README's table all read these rows.
import type { ApiIR } from "../ir.js";
import type { ClassifiedOperation } from "../normalize/classify.js";

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
}

export function surfaceRows(api: ApiIR, classified: ClassifiedOperation[]): SurfaceRow[] {
  return classified.flatMap(({ operation: op, errors }) =>
    errors.flatMap((e) => {
      const base = { api: api.title, operation: op.name, method: op.method.toUpperCase(), path: op.path, status: e.response.key, idempotent: op.idempotent };
      const statusRow: SurfaceRow = {
        ...base,
        code: "",
        category: e.dynamic ? "by status" : e.verdict.category,
        recovery: e.dynamic ? "by status" : e.verdict.recovery,
        reason: e.dynamic ? `${e.response.key}: classified by the actual status at run time` : e.verdict.reason,
      };
      const codeRows = e.codes.map((c): SurfaceRow => ({ ...base, code: c.code.value, category: c.verdict.category, recovery: c.verdict.recovery, reason: c.verdict.reason }));
      // A status whose codes are all enumerated still has a row for "no/unknown code" (a gateway's body).
      return [statusRow, ...codeRows];
    }),
  );
}
