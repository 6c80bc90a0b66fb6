// A spec file's text to a value: JSON.parse for JSON, Redocly's YAML loader (js-yaml with the
// JSON schema, no timestamps) for YAML, with faultline's nesting limit instead of js-yaml's
// default (100, the same number unless the user changes it). parseText throws what the parser
// throws; parseTextOrFail turns it into a SpecError with the line and column.
import { SpecError } from "../diagnostics.js";
import { DEPTH_FIX, type InputLimits } from "./limits.js";
import { redocly } from "./redocly.js";

/** Redocly's public parseYaml; `maxDepth` is an option its js-yaml reads that the typings omit. */
function parseYaml(text: string, file: string, maxDepth: number): unknown {
  const { parseYaml: parse } = redocly();
  return parse(text, { filename: file, maxDepth } as Parameters<typeof parse>[1]);
}

export function isJsonText(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

export function parseText(rawText: string, file: string, limits: Pick<InputLimits, "maxDepth">): unknown {
  // Editors on Windows save a byte-order mark; JSON.parse rejects it, YAML ignores it.
  const text = rawText.replace(/^\uFEFF/, "");
  return isJsonText(text) ? JSON.parse(text) : parseYaml(text, file, limits.maxDepth);
}

/** parseText, with a syntax error as a diagnostic: file, line:col, what the parser said, how to fix. */
export function parseTextOrFail(rawText: string, file: string, limits: Pick<InputLimits, "maxDepth">): unknown {
  try {
    return parseText(rawText, file, limits);
  } catch (error) {
    const text = rawText.replace(/^\uFEFF/, "");
    throw syntaxError(error, text, file, isJsonText(text));
  }
}

function syntaxError(error: unknown, text: string, file: string, isJson: boolean): SpecError {
  const message = error instanceof Error ? error.message : String(error);
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  if (mark) {
    const reason = (error as { reason?: string }).reason ?? message.split("\n")[0];
    const at = { file, line: mark.line + 1, column: mark.column + 1 };
    // js-yaml stops at the depth limit itself (it is given limits.maxDepth): the same words as for JSON.
    const tooDeep = /^nesting exceeded maxDepth \((\d+)\)/.exec(reason ?? "");
    if (tooDeep) return new SpecError({ ...at, problem: `nested more than ${tooDeep[1]} levels deep`, fix: DEPTH_FIX });
    return new SpecError({ ...at, problem: `invalid YAML: ${reason}`, fix: "correct the YAML syntax at that line" });
  }
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : undefined;
  const { line, column } = offset === undefined ? { line: undefined, column: undefined } : lineColumn(text, offset);
  return new SpecError({
    file,
    ...(line === undefined ? {} : { line, column }),
    problem: `invalid ${isJson ? "JSON" : "YAML"}: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
    fix: `correct the ${isJson ? "JSON" : "YAML"} syntax${line === undefined ? "" : " at that line"}`,
  });
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
