// Emitters build declarations as plain structures (structures.ts); this turns them into ts-morph
// structures and prints each file once with `createSourceFile(name, { statements })`. Adding
// declarations one by one re-parses the file each time and was measured quadratic (56 s for
// 1,000 of each), so a file is always built whole.
import type { CodeBlockWriter, JSDocStructure, OptionalKind, ParameterDeclarationStructure, Project, StatementStructures } from "ts-morph";
import type { Parameter, Statement } from "./structures.js";
import { tsMorph } from "./ts-morph.js";

let project: Project | undefined;

function docs(list: string[] | undefined): OptionalKind<JSDocStructure>[] | undefined {
  return list?.map((description) => ({ description }));
}

function parameters(list: Parameter[]): OptionalKind<ParameterDeclarationStructure>[] {
  return list.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.hasQuestionToken ?? false }));
}

function toStructure(statement: Statement): string | StatementStructures {
  if (typeof statement === "string") return statement;
  const { StructureKind, VariableDeclarationKind } = tsMorph();
  const common = { isExported: statement.isExported ?? false, docs: docs(statement.docs) ?? [] };
  switch (statement.kind) {
    case "interface":
      return {
        kind: StructureKind.Interface,
        name: statement.name,
        ...common,
        properties: (statement.properties ?? []).map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.hasQuestionToken ?? false, docs: docs(p.docs) ?? [] })),
        methods: (statement.methods ?? []).map((m) => ({ name: m.name, docs: docs(m.docs) ?? [], parameters: parameters(m.parameters), returnType: m.returnType })),
      };
    case "type-alias":
      return { kind: StructureKind.TypeAlias, name: statement.name, type: statement.type, ...common };
    case "variable":
      return {
        kind: StructureKind.VariableStatement,
        ...common,
        declarationKind: statement.declarationKind === "let" ? VariableDeclarationKind.Let : VariableDeclarationKind.Const,
        declarations: statement.declarations.map((d) => ({ name: d.name, initializer: d.initializer, ...(d.type ? { type: d.type } : {}) })),
      };
    case "function":
      return {
        kind: StructureKind.Function,
        name: statement.name,
        ...common,
        parameters: parameters(statement.parameters),
        ...(statement.returnType ? { returnType: statement.returnType } : {}),
        statements: statement.statements,
      };
  }
}

/** ts-morph's own structure printer, as createSourceFile uses it before parsing what it printed. */
interface StructurePrinter {
  printText(writer: CodeBlockWriter, structure: { statements: (string | StatementStructures)[] }): void;
}

let printer: StructurePrinter | null | undefined;

/**
 * createSourceFile prints the structures, then parses the text into an AST we never use: on
 * GitHub's spec the parse is 1.5 s of the 2.5 s printing takes. Every ts-morph node carries the
 * printer factory it was made with; one tiny file gives us the same printer, and the same text
 * without the parse. If a ts-morph upgrade hides it, createSourceFile is used (same text, slower).
 */
function sourceFilePrinter(project: Project): StructurePrinter | null {
  if (printer !== undefined) return printer;
  const probe = project.createSourceFile("probe.ts", "", { overwrite: true });
  const factory = (probe as unknown as { _context?: { structurePrinterFactory?: { forSourceFile?: (options: { isAmbient: boolean }) => StructurePrinter } } })._context?.structurePrinterFactory;
  printer = typeof factory?.forSourceFile === "function" ? factory.forSourceFile({ isAmbient: false }) : null;
  project.removeSourceFile(probe);
  return printer;
}

function sharedProject(): Project {
  // Two spaces, like the prettier config: files too big to format still read the same way.
  if (!project) {
    const { IndentationText, Project: ProjectClass } = tsMorph();
    project = new ProjectClass({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces } });
  }
  return project;
}

function viaSourceFile(structures: (string | StatementStructures)[]): string {
  const file = sharedProject().createSourceFile("file.ts", { statements: structures }, { overwrite: true });
  const text = file.getFullText();
  sharedProject().removeSourceFile(file); // keep no AST alive between files: big specs print megabytes
  return text;
}

/** One file's text from its statements, printed by ts-morph. */
export function printStatements(statements: Statement[]): string {
  const structures = statements.map(toStructure);
  const fast = sourceFilePrinter(sharedProject());
  if (!fast) return viaSourceFile(structures);
  const writer = sharedProject().createWriter();
  fast.printText(writer, { statements: structures });
  return writer.toString();
}

/** The public createSourceFile path alone: tests check that the fast path prints the very same text. */
export function printStatementsViaSourceFile(statements: Statement[]): string {
  return viaSourceFile(statements.map(toStructure));
}
