import { describe, expect, it } from "vitest";
import type { SurfaceRow } from "../../src/report/error-surface.js";
import { parseSurfaceJson, SURFACE_MARK, surfaceJson } from "../../src/report/surface-json.js";
import { diffSurface, formatChange, summarizeChanges } from "../../src/report/surface-diff.js";

function row(
  method: string,
  path: string,
  status: string,
  code: string,
  category = "terminal",
  recovery = "fix-request",
  idempotent = method === "GET",
): SurfaceRow {
  return {
    api: "Cases",
    operation: `${method.toLowerCase()}Op`,
    method,
    path,
    status,
    code,
    category,
    recovery,
    reason: "test",
    idempotent,
  };
}

const base = [
  row("POST", "/cases", "400", ""),
  row("POST", "/cases", "429", "USAGE_LIMIT_REACHED", "retryable", "wait-and-retry"),
  row("GET", "/cases/{id}", "404", "", "terminal", "check-resource"),
];

describe("diffSurface", () => {
  const cases: { name: string; before: SurfaceRow[]; after: SurfaceRow[]; lines: string[] }[] = [
    { name: "identical surfaces", before: base, after: [...base].reverse(), lines: [] },
    {
      name: "category and recovery change",
      before: base,
      after: base.map((r) =>
        r.code === "USAGE_LIMIT_REACHED" ? { ...r, category: "billing", recovery: "upgrade-plan" } : r,
      ),
      lines: ["POST /cases 429 USAGE_LIMIT_REACHED: retryable -> billing, recovery wait-and-retry -> upgrade-plan"],
    },
    {
      name: "category change only",
      before: base,
      after: base.map((r) => (r.code === "USAGE_LIMIT_REACHED" ? { ...r, category: "billing" } : r)),
      lines: ["POST /cases 429 USAGE_LIMIT_REACHED: retryable -> billing"],
    },
    {
      name: "recovery change only",
      before: base,
      after: base.map((r) => (r.status === "404" ? { ...r, recovery: "refresh-and-retry" } : r)),
      lines: ["GET /cases/{id} 404: recovery check-resource -> refresh-and-retry"],
    },
    {
      name: "a code added and a status removed",
      before: base,
      after: [
        ...base.filter((r) => r.status !== "400"),
        row("POST", "/cases", "429", "RATE_LIMITED", "retryable", "wait-and-retry"),
      ],
      lines: [
        "POST /cases 400: removed (was terminal, fix-request)",
        "POST /cases 429 RATE_LIMITED: added (retryable, wait-and-retry)",
      ],
    },
    {
      name: "operations gained and lost",
      before: base,
      after: [
        ...base.filter((r) => r.method !== "GET"),
        row("DELETE", "/cases/{id}", "404", ""),
        row("DELETE", "/cases/{id}", "409", "LOCKED"),
      ],
      lines: [
        "DELETE /cases/{id}: operation added (2 error variants)",
        "GET /cases/{id}: operation removed (had 1 error variant)",
      ],
    },
    {
      name: "idempotency change is reported once per operation",
      before: base,
      after: base.map((r) => (r.method === "POST" ? { ...r, idempotent: true } : r)),
      lines: ["POST /cases: idempotent no -> yes"],
    },
    {
      name: "reason and operation name changes are not surface changes",
      before: base,
      after: base.map((r) => ({ ...r, reason: "other rule", operation: "renamed" })),
      lines: [],
    },
    {
      name: "first generation: everything added",
      before: [],
      after: base.slice(0, 2),
      lines: ["POST /cases: operation added (2 error variants)"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(diffSurface(c.before, c.after).map(formatChange)).toEqual(c.lines);
    });
  }

  it("orders changes by path, then method, then status and code", () => {
    const after = [
      row("POST", "/b", "500", ""),
      row("GET", "/b", "500", ""),
      row("POST", "/a", "429", "Z"),
      row("POST", "/a", "429", "A"),
    ];
    expect(diffSurface([], after).map(formatChange)).toEqual([
      "POST /a: operation added (2 error variants)",
      "GET /b: operation added (1 error variant)",
      "POST /b: operation added (1 error variant)",
    ]);
    const before = after.map((r) => ({ ...r, category: "retryable" }));
    expect(diffSurface(before, after).map((c) => ("variant" in c ? c.variant : ""))).toEqual([
      "POST /a 429 A",
      "POST /a 429 Z",
      "GET /b 500",
      "POST /b 500",
    ]);
  });
});

describe("summarizeChanges", () => {
  it.each([
    [[], "error surface unchanged"],
    [[{ kind: "variant-changed", variant: "x" }], "1 changed"],
    [
      [
        { kind: "operation-added", operation: "x", variants: 1 },
        { kind: "variant-added", variant: "y", category: "c", recovery: "r" },
        { kind: "variant-removed", variant: "z", category: "c", recovery: "r" },
      ],
      "2 added, 1 removed",
    ],
  ] as const)("%j -> %s", (changes, text) => {
    expect(summarizeChanges([...changes] as never)).toBe(text);
  });
});

describe("error-surface.json", () => {
  it("round-trips, sorted, one variant per line, starting with the faultline mark", () => {
    const text = surfaceJson(
      "Cases",
      [...base].reverse(),
      "Generated by faultline 1.0.0 from Cases 1 (spec sha256 abc).",
    );
    expect(text.startsWith(SURFACE_MARK)).toBe(true);
    expect(text.split("\n").filter((l) => l.startsWith('    {"method"'))).toHaveLength(3);
    expect(parseSurfaceJson(text)).toEqual(base);
    expect(surfaceJson("Cases", base, "h")).toBe(surfaceJson("Cases", [...base].reverse(), "h"));
  });

  it("an empty surface is still valid JSON", () => {
    expect(parseSurfaceJson(surfaceJson("Empty", [], "h"))).toEqual([]);
  });

  it.each([
    "not json",
    "{}",
    '{"format":2,"api":"a","variants":[]}',
    '{"format":1,"api":"a","variants":[{"method":"GET"}]}',
  ])("rejects %s", (text) => {
    expect(parseSurfaceJson(text)).toBeUndefined();
  });
});
