// Operations that document exactly the same errors, shown once: a big API repeats one error
// table across many operations (OpenAI's spec: 175 operations with the same rows), and a report
// that repeats it 175 times hides the operations that differ.
import type { SurfaceRow } from "./error-surface.js";

export interface OperationRef {
  operation: string;
  method: string;
  path: string;
  summary: string;
  idempotency: string;
}

export interface OperationGroup {
  api: string;
  /** In the order they first appear in the rows. */
  operations: OperationRef[];
  /** The error rows every one of them has (the first operation's). */
  rows: SurfaceRow[];
}

/** What a row says about the error, without the operation it belongs to: equal rows read the same. */
function errorSignature(r: SurfaceRow): string {
  return JSON.stringify([r.status, r.code, r.category, r.recovery, r.reason, r.description, r.retry]);
}

/** Rows arrive in runs per operation (error-surface.ts); operations with equal runs in one API merge. */
export function groupOperations(rows: SurfaceRow[]): OperationGroup[] {
  const runs: SurfaceRow[][] = [];
  for (const row of rows) {
    const last = runs.at(-1)?.[0];
    if (last && last.api === row.api && last.operation === row.operation) runs.at(-1)!.push(row);
    else runs.push([row]);
  }
  const groups = new Map<string, OperationGroup>();
  for (const run of runs) {
    const first = run[0]!;
    const key = JSON.stringify([first.api, ...run.map(errorSignature)]);
    const ref = {
      operation: first.operation,
      method: first.method,
      path: first.path,
      summary: first.summary,
      idempotency: first.idempotency,
    };
    const group = groups.get(key);
    if (group) group.operations.push(ref);
    else groups.set(key, { api: first.api, operations: [ref], rows: run });
  }
  return [...groups.values()];
}

/** Per API: every operation, and how many document no error at all (they have no rows). */
export interface OperationCount {
  api: string;
  operations: number;
  withoutErrors: number;
}

export function operationTotals(counts: OperationCount[]): { operations: number; withoutErrors: number } {
  return {
    operations: counts.reduce((n, c) => n + c.operations, 0),
    withoutErrors: counts.reduce((n, c) => n + c.withoutErrors, 0),
  };
}
