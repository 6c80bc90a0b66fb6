// `faultline lint`: warnings an API designer can act on, each with where (file, line:col, JSON
// pointer), what and how to fix it, then a count per rule. Exit 0 with warnings; with --strict,
// 1 when there is any. `--rule <id>` keeps only those rules; --json prints one JSON document.
import { formatDiagnostic, formatWarning, SpecError, type Diagnostic, type SpecWarning } from "../diagnostics.js";
import { schemaTypes } from "../emit/schema/schema-types.js";
import { generateIr } from "../generate.js";
import { countByRule, LINT_RULE_IDS, SPEC_WARNING_RULE, summaryLines } from "../lint/rule-summary.js";
import { lintApi, type LintWarning } from "../lint/rules.js";
import { isSpecUrl, shownUrl } from "../parse/fetch-root.js";
import { loadSpec, locateWarnings, parseDocument, type LoadedSpec, type LoadOptions } from "../parse/load.js";
import { locatePointer, type LineColumn } from "../parse/source-location.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";

export interface LintArgs {
  specs: string[];
  strict: boolean;
  allowRemoteRefs: boolean;
  /** Input limits and where $ref'd files may live (input-flags.ts). */
  load?: Pick<LoadOptions, "limits" | "refRoots">;
  /** Rule ids to keep (`--rule`, repeatable); all when absent or empty. */
  rules?: string[];
  json?: boolean;
  /** Only the warnings: no per-rule summary, no total. */
  quiet?: boolean;
}

interface Located extends LintWarning {
  at: LineColumn | undefined;
}

/** One warning as --json lists it: a diagnostic with its rule (spec warnings also say what faultline did). */
type JsonWarning = Diagnostic & { rule: string; did?: string };
type JsonSpec = { ok: true; spec: string; warnings: JsonWarning[] } | { ok: false; spec: string; error: Diagnostic };

/** The flaws generate would work around (diagnostics.ts): loading's, and schemas typed unknown. */
function specWarnings(spec: string, loaded: LoadedSpec): SpecWarning[] {
  return [...loaded.warnings, ...locateWarnings(schemaTypes(loaded.document, spec).warnings, loaded.text, spec)];
}

function lintSpec(spec: string, loaded: LoadedSpec, only: ReadonlySet<string> | undefined): Located[] {
  const { api } = generateIr(loaded);
  // Positions come from the root file as written; a pointer into bundled content has none.
  const document = parseDocument(loaded.text, spec);
  const located = lintApi(api, only).map((w) => ({ ...w, at: locatePointer(loaded.text, spec, document, w.pointer) }));
  const order = (w: Located) => (w.at ? w.at.line * 1e6 + w.at.column : Number.MAX_SAFE_INTEGER);
  return located.sort((a, b) => order(a) - order(b) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function asDiagnostic(file: string, w: Located): Diagnostic {
  return {
    file,
    pointer: w.pointer,
    ...(w.at ? { line: w.at.line, column: w.at.column } : {}),
    problem: w.message,
    fix: w.fix,
  };
}

function selectedRules(rules: string[] | undefined): ReadonlySet<string> | undefined {
  if (!rules || rules.length === 0) return undefined;
  const unknown = rules.filter((r) => !LINT_RULE_IDS.includes(r));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown lint rule${unknown.length === 1 ? "" : "s"} ${unknown.map((r) => JSON.stringify(r)).join(", ")}: the rules are ${LINT_RULE_IDS.join(", ")}`,
    );
  }
  return new Set(rules);
}

async function lintOne(spec: string, args: LintArgs, only: ReadonlySet<string> | undefined): Promise<JsonWarning[]> {
  const loaded = await loadSpec(spec, { ...args.load, allowRemoteRefs: args.allowRemoteRefs });
  // loaded.file: the spec as diagnostics name it (a URL without its credentials).
  const flaws = !only || only.has(SPEC_WARNING_RULE) ? specWarnings(loaded.file, loaded) : [];
  const lint = lintSpec(loaded.file, loaded, only);
  return [
    ...flaws.map((w) => ({ rule: SPEC_WARNING_RULE, ...w })),
    ...lint.map((w) => ({ rule: w.rule, ...asDiagnostic(loaded.file, w) })),
  ];
}

function warningText(w: JsonWarning): string {
  if (w.rule === SPEC_WARNING_RULE) return `warning: ${formatWarning(w as SpecWarning)}\n`;
  return `warning: ${formatDiagnostic({ ...w, problem: `${w.problem} [${w.rule}]` })}\n`;
}

export async function lintCommand(args: LintArgs, io: Pick<Io, "out" | "err">): Promise<number> {
  const only = selectedRules(args.rules);
  const results: JsonSpec[] = [];
  for (const spec of args.specs) {
    const shown = isSpecUrl(spec) ? shownUrl(spec) : spec;
    try {
      const warnings = await lintOne(spec, args, only);
      results.push({ ok: true, spec: shown, warnings });
      if (!args.json) for (const w of warnings) io.out(warningText(w));
    } catch (error) {
      // One unreadable spec does not hide the others' warnings (as with generate).
      if (!(error instanceof SpecError)) throw error;
      results.push({ ok: false, spec: shown, error: error.diagnostic });
      io.err(`error: ${error.message}\n`);
    }
  }
  const all = results.flatMap((r) => (r.ok ? r.warnings : []));
  const counts = countByRule(all.map((w) => w.rule));
  const unread = results.filter((r) => !r.ok).length;
  const failed = unread > 0 || (args.strict && all.length > 0);
  if (args.json) {
    const json = {
      ok: !failed,
      strict: args.strict,
      rules: only ? [...only].sort() : null,
      total: all.length,
      perRule: Object.fromEntries(counts),
      specs: results,
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else if (!args.quiet && unread < results.length) {
    // When no spec could be read there is nothing to sum up: the errors on stderr say it all.
    const total =
      all.length === 0
        ? "no warnings"
        : `${all.length} warning${all.length === 1 ? "" : "s"}${args.strict ? " (--strict: failing)" : ""}`;
    const note = unread > 0 ? ` (${unread} spec${unread === 1 ? "" : "s"} could not be read)` : "";
    io.out(`${[...summaryLines(counts), `${total}${note}`].join("\n")}\n`);
  }
  return failed ? 1 : 0;
}
