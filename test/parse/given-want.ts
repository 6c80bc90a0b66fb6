// Given/want tables for the parse stage, in the style of openapi-typescript's transform tests
// (packages/openapi-typescript/test/*-object.test.ts): each row is one behaviour, a small spec
// fragment in and the IR fragment it must become out. Rows go through the real parseApi.
import { expect } from "vitest";
import { SpecError, type Diagnostic } from "../../src/diagnostics.js";
import type { ApiIR, ErrorResponseIR, OperationIR } from "../../src/ir.js";
import { parseApi } from "../../src/parse/index.js";

export type TestCase<Given, Want> = [name: string, { given: Given; want: Want }];

/** What a rejected fragment must say: where (JSON pointer) and a phrase of the problem. */
export interface Rejection {
  pointer: string;
  problem: RegExp;
}

export type Spec = Record<string, unknown>;

export const FILE = "given.yaml";

/** A whole document around `paths` (and any root fields such as components). */
export function document(paths: Spec, root: Spec = {}): Spec {
  return { openapi: "3.1.0", info: { title: "Given", version: "1" }, paths, ...root };
}

/** A document whose only operation is GET /things with these responses. */
export function withResponses(responses: Spec, root: Spec = {}): Spec {
  return document({ "/things": { get: { responses } } }, root);
}

/** A document whose only error response (400) has this body schema. */
export function withErrorBody(schema: unknown, contentType = "application/json", root: Spec = {}): Spec {
  return withResponses(
    { "200": { description: "ok" }, "400": { description: "bad", content: { [contentType]: { schema } } } },
    root,
  );
}

export function parse(given: Spec): ApiIR {
  return parseApi(given, FILE);
}

export function onlyOperation(given: Spec): OperationIR {
  const operations = parse(given).operations;
  expect(operations).toHaveLength(1);
  return operations[0]!;
}

export function firstError(given: Spec): ErrorResponseIR {
  const error = onlyOperation(given).errors[0];
  if (!error) throw new Error("the given spec has no error response");
  return error;
}

/**
 * The fields of `actual` that `want` names, compared exactly: a row states only what it is about,
 * yet every nested value it states must match in full (a want of `undefined` means "absent").
 */
export function expectFields(actual: object, want: Record<string, unknown>): void {
  const picked = Object.fromEntries(Object.keys(want).map((key) => [key, (actual as Record<string, unknown>)[key]]));
  expect(picked).toStrictEqual(want);
}

/** The diagnostic parseApi raises for a fragment it must refuse. */
export function rejection(given: Spec): Diagnostic {
  try {
    parse(given);
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostic;
    throw error;
  }
  throw new Error("parseApi accepted a fragment it should refuse");
}

export function expectRejection(given: Spec, want: Rejection): void {
  const diagnostic = rejection(given);
  expect({ file: diagnostic.file, pointer: diagnostic.pointer }).toEqual({ file: FILE, pointer: want.pointer });
  expect(diagnostic.problem).toMatch(want.problem);
  // Every refusal says how to fix it, not only what is wrong.
  expect(diagnostic.fix.length).toBeGreaterThan(0);
}
