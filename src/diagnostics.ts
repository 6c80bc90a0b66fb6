// Bad input is reported, never thrown at the user as a stack trace. Every diagnostic names
// the file, where in it (JSON pointer, and line/column when the parser knows), what is wrong
// and how to fix it.

export interface Diagnostic {
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
  problem: string;
  fix: string;
}

/**
 * A flaw faultline worked around instead of refusing the spec: errors are kept for input no
 * meaningful client can come from (unreadable, not OpenAPI, a $ref an operation uses that points
 * nowhere). `did` says what faultline did about it; `--strict` makes warnings errors.
 */
export interface SpecWarning extends Diagnostic {
  did: string;
}

/** An input problem the user can fix. The CLI prints it and exits 1. */
export class SpecError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = "SpecError";
    this.diagnostic = diagnostic;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${diagnosticHead(d)}: ${d.problem}\n  fix: ${d.fix}`;
}

/** file:line:col at #pointer */
export function diagnosticHead(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const pointer = d.pointer === undefined ? "" : ` at ${d.pointer === "" ? "#" : `#${d.pointer}`}`;
  return `${where}${pointer}`;
}

export function formatWarning(w: SpecWarning): string {
  return `${diagnosticHead(w)}: ${w.problem}\n  faultline: ${w.did}\n  fix: ${w.fix}`;
}

export { pointerOf, pointerToken } from "./pointer.js";
