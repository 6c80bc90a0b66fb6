// Spec text reaches generated code only through these functions: identifiers are built from
// words, strings are JSON-escaped, and comments cannot be closed from inside.
import { pascalCase } from "../parse/naming.js";
import type { OperationIR } from "../ir.js";

export function typeNames(op: OperationIR) {
  const pascal = pascalCase(op.name);
  // pascalCase drops the "_" that made "_123" an identifier; a type name needs it back.
  const base = /^[0-9]/.test(pascal) ? `_${pascal}` : pascal;
  return { input: `${base}Input`, success: `${base}Success`, error: `${base}Error`, result: `${base}Result` };
}

/** A TypeScript string literal. U+2028/2029 are escaped too: some tools still choke on them raw. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An object key: bare when it is a plain identifier, else quoted. "__proto__" is computed:
 * bare or quoted, it would set the object's prototype instead of adding a property.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/**
 * Keys every object inherits (constructor, toString, ...). TypeScript types a property of that
 * name by the inherited member, not by a Record's index signature, so its literal values would
 * widen to string and fail `Category`; `as const` keeps them literal.
 */
const INHERITED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

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
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${dataLiteral(v)}${constSuffix(k, v)}`).join(", ")} }`;
}

function constSuffix(key: string, value: unknown): string {
  return INHERITED_KEYS.has(key) && value !== null ? " as const" : "";
}

/**
 * dataLiteral laid out for people: a value stays on one line when it fits in `width` columns
 * (from the `column` it starts at, plus the `trailing` characters after it), else each key or
 * element goes on its own line under the line's `indent`, as prettier breaks it. Review diffs then
 * show the one field that changed.
 */
export function dataBlock(
  value: unknown,
  at: { indent: number; column: number; trailing: number },
  width = 100,
): string {
  const inline = dataLiteral(value);
  if (at.column + inline.length + at.trailing <= width || value === null || typeof value !== "object") return inline;
  const inner = at.indent + 2;
  const pad = " ".repeat(inner);
  if (Array.isArray(value)) {
    if (value.length === 0) return inline;
    const items = value.map((v) => `${pad}${dataBlock(v, { indent: inner, column: inner, trailing: 1 }, width)},\n`);
    return `[\n${items.join("")}${" ".repeat(at.indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const line = ([k, v]: [string, unknown]) => {
    const key = `${propertyKey(k)}: `;
    const suffix = constSuffix(k, v);
    const text = dataBlock(v, { indent: inner, column: inner + key.length, trailing: suffix.length + 1 }, width);
    return `${pad}${key}${text}${suffix},\n`;
  };
  return `{\n${entries.map(line).join("")}${" ".repeat(at.indent)}}`;
}
