// Spec text reaches generated code only through these functions: identifiers are built from
// words, strings are JSON-escaped, and comments cannot be closed from inside.
import { pascalCase } from "../parse/naming.js";
import type { OperationIR } from "../ir.js";

export function typeNames(op: OperationIR) {
  const base = pascalCase(op.name);
  return { input: `${base}Input`, success: `${base}Success`, error: `${base}Error`, result: `${base}Result` };
}

/** A TypeScript string literal. U+2028/2029 are escaped too: some tools still choke on them raw. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is a plain identifier, else quoted. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) && key !== "__proto__" ? key : stringLiteral(key);
}

/** Text for a JSDoc block: no comment terminator, no stray control characters. */
export function docText(text: string, maxLength = 2000): string {
  const clean = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\*\//g, "*\\/")
    .replace(/@(?=\w)/g, "@\u200b") // a spec description must not smuggle in JSDoc tags
    .trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
}

/** A single-line comment body: newlines folded so nothing escapes the line. */
export function lineText(text: string): string {
  return docText(text, 200).replace(/\s*\n\s*/g, " ");
}

/** Indexed access into openapi-typescript's `paths` for one operation. */
export function operationType(op: OperationIR): string {
  return `paths[${stringLiteral(op.path)}][${stringLiteral(op.method)}]`;
}

/** A JS literal for plain data (objects, arrays, strings, numbers, booleans), keys in given order. */
export function dataLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(dataLiteral).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${dataLiteral(v)}`).join(", ")} }`;
}
