// Emitters build declarations as plain structures (structures.ts); this turns them into ts-morph
// structures and prints each file once with `createSourceFile(name, { statements })`. Adding
// declarations one by one re-parses the file each time and was measured quadratic (56 s for
// 1,000 of each), so a file is always built whole.
import {
  IndentationText,
  Project,
  StructureKind,
  VariableDeclarationKind,
  type JSDocStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import type { Parameter, Statement } from "./structures.js";

let project: Project | undefined;

function docs(list: string[] | undefined): OptionalKind<JSDocStructure>[] | undefined {
  return list?.map((description) => ({ description }));
}

function parameters(list: Parameter[]): OptionalKind<ParameterDeclarationStructure>[] {
  return list.map((p) => ({ name: p.name, type: p.type, hasQuestionToken: p.hasQuestionToken ?? false }));
}

function toStructure(statement: Statement): string | StatementStructures {
  if (typeof statement === "string") return statement;
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

/** One file's text from its statements, printed by ts-morph. */
export function printStatements(statements: Statement[]): string {
  // Two spaces, like the prettier config: files too big to format still read the same way.
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces } });
  const file = project.createSourceFile("file.ts", { statements: statements.map(toStructure) }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file); // keep no AST alive between files: big specs print megabytes
  return text;
}
