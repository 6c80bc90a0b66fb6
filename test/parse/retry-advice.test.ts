// x-faultline-retry (docs/spec-extensions.md): an API's retry advice on the root or an
// operation, checked strictly because a typo would silently change retry behaviour.
import { describe, expect, test } from "vitest";
import {
  document,
  expectRejection,
  onlyOperation,
  parse,
  type Rejection,
  type Spec,
  type TestCase,
} from "./given-want.js";

const responses = { "200": { description: "ok" } };
const withOperationAdvice = (advice: unknown): Spec =>
  document({ "/things": { get: { responses, "x-faultline-retry": advice } } });
const withRootAdvice = (advice: unknown): Spec => ({
  ...document({ "/things": { get: { responses } } }),
  "x-faultline-retry": advice,
});

describe("x-faultline-retry: read", () => {
  const tests: TestCase<unknown, unknown>[] = [
    [
      "every number field",
      {
        given: { maxRetries: 5, baseDelayMs: 200, maxDelayMs: 10_000, maxElapsedMs: 60_000, maxRetryAfterMs: 30_000 },
        want: { maxRetries: 5, baseDelayMs: 200, maxDelayMs: 10_000, maxElapsedMs: 60_000, maxRetryAfterMs: 30_000 },
      },
    ],
    ["zero retries is advice too", { given: { maxRetries: 0 }, want: { maxRetries: 0 } }],
    ["jitter by name", { given: { jitter: "equal" }, want: { jitter: "equal" } }],
    ["jitter as a fraction", { given: { jitter: 0.25 }, want: { jitter: 0.25 } }],
    [
      "byStatus, sorted by status",
      {
        given: { byStatus: { "503": { maxRetries: 1 }, "429": { baseDelayMs: 5000 }, "5XX": {} } },
        want: { byStatus: { "429": { baseDelayMs: 5000 }, "503": { maxRetries: 1 }, "5XX": {} } },
      },
    ],
  ];
  test.each(tests)("on an operation: %s", (_, { given, want }) => {
    expect(onlyOperation(withOperationAdvice(given)).retry).toStrictEqual(want);
  });
  test.each(tests)("on the root: %s", (_, { given, want }) => {
    expect(parse(withRootAdvice(given)).retry).toStrictEqual(want);
  });

  test("absent advice is absent, not empty", () => {
    const api = parse(document({ "/things": { get: { responses } } }));
    expect({ root: "retry" in api, operation: "retry" in api.operations[0]! }).toEqual({
      root: false,
      operation: false,
    });
  });
});

describe("x-faultline-retry: refused", () => {
  const at = "/paths/~1things/get/x-faultline-retry";
  const tests: TestCase<unknown, Rejection>[] = [
    ["not a map", { given: 3, want: { pointer: at, problem: /must be a map/ } }],
    ["a negative number", { given: { maxRetries: -1 }, want: { pointer: at, problem: /maxRetries is -1/ } }],
    ["a number as text", { given: { baseDelayMs: "100" }, want: { pointer: at, problem: /baseDelayMs is "100"/ } }],
    ["a misspelt field", { given: { maxRetry: 3 }, want: { pointer: at, problem: /unknown retry field "maxRetry"/ } }],
    ["jitter beyond 1", { given: { jitter: 2 }, want: { pointer: at, problem: /jitter is 2/ } }],
    [
      "byStatus for a success",
      {
        given: { byStatus: { "200": {} } },
        want: { pointer: `${at}/byStatus/200`, problem: /"200" is not an error status/ },
      },
    ],
    [
      "a bad field inside byStatus",
      {
        given: { byStatus: { "429": { jitter: "some" } } },
        want: { pointer: `${at}/byStatus/429`, problem: /jitter is "some"/ },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => expectRejection(withOperationAdvice(given), want));

  test("on the root, the pointer is the root's", () => {
    expectRejection(withRootAdvice({ maxRetries: -1 }), { pointer: "/x-faultline-retry", problem: /maxRetries is -1/ });
  });
});
