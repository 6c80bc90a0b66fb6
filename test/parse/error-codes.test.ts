// The error codes a response documents: enum/const on the envelope's code field (through
// $ref, oneOf, anyOf, allOf), per-code descriptions, and x-faultline-codes on the Response.
import { describe, test } from "vitest";
import {
  expectFields,
  expectRejection,
  firstError,
  withErrorBody,
  withResponses,
  type Rejection,
  type Spec,
  type TestCase,
} from "./given-want.js";

const str = { type: "string" };
const obj = (properties: Spec) => ({ type: "object", properties });
/** An { error: { code, message } } body whose code has this schema. */
const codeSchema = (code: unknown) => obj({ error: obj({ code, message: str }) });

describe("error codes from the code field's schema", () => {
  const tests: TestCase<{ schema: unknown; root?: Spec }, unknown[]>[] = [
    [
      "an enum, sorted",
      {
        given: { schema: codeSchema({ type: "string", enum: ["TOO_MANY", "EXPIRED"] }) },
        want: [{ value: "EXPIRED" }, { value: "TOO_MANY" }],
      },
    ],
    [
      "a const with its description",
      {
        given: { schema: codeSchema({ const: "LOCKED", description: "Account locked" }) },
        want: [{ value: "LOCKED", description: "Account locked" }],
      },
    ],
    [
      "an enum's description is not a code's description",
      { given: { schema: codeSchema({ enum: ["A"], description: "The code" }) }, want: [{ value: "A" }] },
    ],
    [
      "x-enum-descriptions as a list",
      {
        given: { schema: codeSchema({ enum: ["A", "B"], "x-enum-descriptions": ["first", "second"] }) },
        want: [
          { value: "A", description: "first" },
          { value: "B", description: "second" },
        ],
      },
    ],
    [
      "x-enumDescriptions as a map",
      {
        given: { schema: codeSchema({ enum: ["A", "B"], "x-enumDescriptions": { B: "bee" } }) },
        want: [{ value: "A" }, { value: "B", description: "bee" }],
      },
    ],
    [
      "oneOf branches of const + description",
      {
        given: { schema: codeSchema({ oneOf: [{ const: "X", description: "ex" }, { const: "Y" }] }) },
        want: [{ value: "X", description: "ex" }, { value: "Y" }],
      },
    ],
    [
      "anyOf of an enum and an open string",
      { given: { schema: codeSchema({ anyOf: [{ enum: ["KNOWN"] }, str] }) }, want: [{ value: "KNOWN" }] },
    ],
    [
      "numbers in an enum are not string codes",
      { given: { schema: obj({ code: { enum: [404, "NOT_FOUND"] } }) }, want: [{ value: "NOT_FOUND" }] },
    ],
    [
      "an enum on the message is no code",
      { given: { schema: obj({ error: str, message: { enum: ["nope"] } }) }, want: [] },
    ],
    ["a body with no code field has no codes", { given: { schema: obj({ detail: { enum: ["x"] } }) }, want: [] }],
    [
      "the code schema behind a $ref chain, described where the description is",
      {
        given: {
          schema: codeSchema({ $ref: "#/components/schemas/Code" }),
          root: {
            components: {
              schemas: {
                Code: { oneOf: [{ $ref: "#/components/schemas/Old" }, { const: "NEW", description: "new" }] },
                Old: { enum: ["OLD"], "x-enum-descriptions": ["old"] },
              },
            },
          },
        },
        want: [
          { value: "NEW", description: "new" },
          { value: "OLD", description: "old" },
        ],
      },
    ],
    [
      "a code enumerated twice keeps the description it has",
      {
        given: { schema: codeSchema({ allOf: [{ enum: ["DUP"] }, { const: "DUP", description: "described" }] }) },
        want: [{ value: "DUP", description: "described" }],
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(firstError(withErrorBody(given.schema, "application/json", given.root)), { codes: want });
  });
});

describe("x-faultline-codes on the Response object", () => {
  const body = {
    "application/json": {
      schema: codeSchema({ oneOf: [{ const: "CARD_DECLINED", description: "Declined by the bank" }] }),
    },
  };
  const tests: TestCase<Spec, unknown[]>[] = [
    [
      "adds a code the schema does not enumerate",
      {
        given: { "x-faultline-codes": { QUOTA: { category: "billing", recovery: "upgrade-plan" } } },
        want: [{ value: "QUOTA", category: "billing", recovery: "upgrade-plan" }],
      },
    ],
    [
      "classifies an enumerated code and keeps the schema's description",
      {
        given: {
          content: body,
          "x-faultline-codes": { CARD_DECLINED: { category: "billing", recovery: "use-another-payment-method" } },
        },
        want: [
          {
            value: "CARD_DECLINED",
            description: "Declined by the bank",
            category: "billing",
            recovery: "use-another-payment-method",
          },
        ],
      },
    ],
    [
      "its description wins over the schema's",
      {
        given: { content: body, "x-faultline-codes": { CARD_DECLINED: { description: "Try another card" } } },
        want: [{ value: "CARD_DECLINED", description: "Try another card" }],
      },
    ],
    [
      "an entry that is not a map declares the bare code",
      { given: { "x-faultline-codes": { GONE: null } }, want: [{ value: "GONE" }] },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(firstError(withResponses({ "400": { description: "bad", ...given } })), { codes: want });
  });
});

describe("x-faultline-codes: refused", () => {
  const where = "/paths/~1things/get/responses/400/x-faultline-codes";
  const tests: TestCase<unknown, Rejection>[] = [
    ["a list instead of a map", { given: ["QUOTA"], want: { pointer: where, problem: /must be a map from code/ } }],
    [
      "an unknown category",
      {
        given: { QUOTA: { category: "money" } },
        want: { pointer: `${where}/QUOTA/category`, problem: /"money"; expected one of retryable, terminal, billing/ },
      },
    ],
    [
      "an unknown recovery",
      {
        given: { QUOTA: { recovery: "pay-up" } },
        want: { pointer: `${where}/QUOTA/recovery`, problem: /"pay-up"; expected one of/ },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) =>
    expectRejection(withResponses({ "400": { description: "bad", "x-faultline-codes": given } }), want),
  );
});
