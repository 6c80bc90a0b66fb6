// `faultline lint`: warnings an API designer can act on, each with where (file, line:col, JSON
// pointer), what and how to fix it. Exit 0 with warnings; with --strict, 1 when there is any.
import { formatDiagnostic, formatWarning, type SpecWarning } from "../diagnostics.js";
import { schemaTypes } from "../emit/schema/schema-types.js";
import { generateIr } from "../generate.js";
import { lintApi, type LintWarning } from "../lint/rules.js";
import { loadSpec, locateWarnings, parseDocument, type LoadedSpec, type LoadOptions } from "../parse/load.js";
import { locatePointer, type LineColumn } from "../parse/source-location.js";

export interface LintArgs {
  specs: string[];
  strict: boolean;
  allowRemoteRefs: boolean;
  /** Input limits and where $ref'd files may live (input-flags.ts). */
  load?: Pick<LoadOptions, "limits" | "refRoots">;
}

interface Located extends LintWarning {
  at: LineColumn | undefined;
}

/** The flaws generate would work around (diagnostics.ts): loading's, and schemas typed unknown. */
function specWarnings(spec: string, loaded: LoadedSpec): SpecWarning[] {
  return [...loaded.warnings, ...locateWarnings(schemaTypes(loaded.document, spec).warnings, loaded.text, spec)];
}

function lintSpec(spec: string, loaded: LoadedSpec): Located[] {
  const { api } = generateIr(loaded);
  // Positions come from the root file as written; a pointer into bundled content has none.
  const document = parseDocument(loaded.text, spec);
  const located = lintApi(api).map((w) => ({ ...w, at: locatePointer(loaded.text, spec, document, w.pointer) }));
  const order = (w: Located) => (w.at ? w.at.line * 1e6 + w.at.column : Number.MAX_SAFE_INTEGER);
  return located.sort((a, b) => order(a) - order(b) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function formatLintWarning(file: string, w: Located): string {
  const text = formatDiagnostic({ file, pointer: w.pointer, ...(w.at ? { line: w.at.line, column: w.at.column } : {}), problem: `${w.message} [${w.rule}]`, fix: w.fix });
  return `warning: ${text}\n`;
}

export async function lintCommand(args: LintArgs, write: (text: string) => void): Promise<number> {
  let total = 0;
  for (const spec of args.specs) {
    const loaded = await loadSpec(spec, { ...args.load, allowRemoteRefs: args.allowRemoteRefs });
    const flaws = specWarnings(spec, loaded);
    for (const w of flaws) write(`warning: ${formatWarning(w)}\n`);
    total += flaws.length;
    const warnings = lintSpec(spec, loaded);
    for (const w of warnings) write(formatLintWarning(spec, w));
    total += warnings.length;
  }
  write(total === 0 ? "no warnings\n" : `${total} warning${total === 1 ? "" : "s"}${args.strict ? " (--strict: failing)" : ""}\n`);
  return args.strict && total > 0 ? 1 : 0;
}
