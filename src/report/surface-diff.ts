// How an error surface changed between two generations, as a reviewer wants to read it:
// operations that appeared or went away, variants (status + code) added or removed, and
// variants whose category or recovery changed. Pure: rows in, changes out.
import type { SurfaceRow } from "./error-surface.js";
import { compareRows } from "./surface-json.js";

export type SurfaceChange =
  | { kind: "operation-added" | "operation-removed"; operation: string; variants: number }
  | { kind: "idempotency-changed"; operation: string; from: boolean; to: boolean }
  | { kind: "variant-added" | "variant-removed"; variant: string; category: string; recovery: string }
  | {
      kind: "variant-changed";
      variant: string;
      category?: { from: string; to: string };
      recovery?: { from: string; to: string };
    };

/** Operations are identified by method and path: renaming an operationId is not a surface change. */
function operationLabel(row: SurfaceRow): string {
  return `${row.method} ${row.path}`;
}

function variantLabel(row: SurfaceRow): string {
  return `${operationLabel(row)} ${row.status}${row.code ? ` ${row.code}` : ""}`;
}

function byOperation(rows: SurfaceRow[]): Map<string, Map<string, SurfaceRow>> {
  const operations = new Map<string, Map<string, SurfaceRow>>();
  for (const row of [...rows].sort(compareRows)) {
    const label = operationLabel(row);
    const variants = operations.get(label) ?? new Map<string, SurfaceRow>();
    variants.set(variantLabel(row), row);
    operations.set(label, variants);
  }
  return operations;
}

function variantChanges(before: Map<string, SurfaceRow>, after: Map<string, SurfaceRow>): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  for (const [variant, old] of before) {
    const now = after.get(variant);
    if (!now) {
      changes.push({ kind: "variant-removed", variant, category: old.category, recovery: old.recovery });
      continue;
    }
    const category = old.category === now.category ? undefined : { from: old.category, to: now.category };
    const recovery = old.recovery === now.recovery ? undefined : { from: old.recovery, to: now.recovery };
    if (category || recovery)
      changes.push({
        kind: "variant-changed",
        variant,
        ...(category ? { category } : {}),
        ...(recovery ? { recovery } : {}),
      });
  }
  for (const [variant, now] of after) {
    if (!before.has(variant))
      changes.push({ kind: "variant-added", variant, category: now.category, recovery: now.recovery });
  }
  // Both maps are in row order; merged, they give every variant its place in the output.
  const rank = new Map(
    [...before.values(), ...after.values()].sort(compareRows).map((row, i) => [variantLabel(row), i]),
  );
  const rankOf = (c: SurfaceChange) => ("variant" in c ? (rank.get(c.variant) ?? 0) : 0);
  return changes.sort((a, b) => rankOf(a) - rankOf(b));
}

export function diffSurface(before: SurfaceRow[], after: SurfaceRow[]): SurfaceChange[] {
  const old = byOperation(before);
  const now = byOperation(after);
  const labels = [...new Set([...before, ...after].sort(compareRows).map(operationLabel))];
  return labels.flatMap((operation): SurfaceChange[] => {
    const was = old.get(operation);
    const is = now.get(operation);
    if (!was) return [{ kind: "operation-added", operation, variants: is!.size }];
    if (!is) return [{ kind: "operation-removed", operation, variants: was.size }];
    const from = [...was.values()][0]!.idempotent;
    const to = [...is.values()][0]!.idempotent;
    const idempotency: SurfaceChange[] = from === to ? [] : [{ kind: "idempotency-changed", operation, from, to }];
    return [...idempotency, ...variantChanges(was, is)];
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function formatChange(change: SurfaceChange): string {
  switch (change.kind) {
    case "operation-added":
      return `${change.operation}: operation added (${plural(change.variants, "error variant")})`;
    case "operation-removed":
      return `${change.operation}: operation removed (had ${plural(change.variants, "error variant")})`;
    case "idempotency-changed":
      return `${change.operation}: idempotent ${change.from ? "yes" : "no"} -> ${change.to ? "yes" : "no"}`;
    case "variant-added":
      return `${change.variant}: added (${change.category}, ${change.recovery})`;
    case "variant-removed":
      return `${change.variant}: removed (was ${change.category}, ${change.recovery})`;
    case "variant-changed": {
      const parts = [
        ...(change.category ? [`${change.category.from} -> ${change.category.to}`] : []),
        ...(change.recovery ? [`recovery ${change.recovery.from} -> ${change.recovery.to}`] : []),
      ];
      return `${change.variant}: ${parts.join(", ")}`;
    }
  }
}

/** "1 changed, 2 added": for one-line watch output. */
export function summarizeChanges(changes: SurfaceChange[]): string {
  if (changes.length === 0) return "error surface unchanged";
  const count = (kinds: SurfaceChange["kind"][]) => changes.filter((c) => kinds.includes(c.kind)).length;
  const parts: [number, string][] = [
    [count(["variant-changed", "idempotency-changed"]), "changed"],
    [count(["variant-added", "operation-added"]), "added"],
    [count(["variant-removed", "operation-removed"]), "removed"],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(", ");
}
