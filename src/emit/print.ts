// Emitters build declarations as plain structures (structures.ts); this turns them into ts-morph
// structures and prints each file once with `createSourceFile(name, { statements })`. Adding
// declarations one by one re-parses the file each time and was measured quadratic (56 s for
// 1,000 of each), so a file is always built whole.
import type {
  JSDocStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  Project,
  StatementStructures,
} from "ts-morph";
import type { Parameter, Statement } from "./structures.js";
import { tsMorph } from "./ts-morph.js";

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
        properties: (statement.properties ?? []).map((p) => ({
          name: p.name,
          type: p.type,
          hasQuestionToken: p.hasQuestionToken ?? false,
          docs: docs(p.docs) ?? [],
        })),
        methods: (statement.methods ?? []).map((m) => ({
          name: m.name,
          docs: docs(m.docs) ?? [],
          parameters: parameters(m.parameters),
          returnType: m.returnType,
        })),
      };
    case "type-alias":
      return { kind: StructureKind.TypeAlias, name: statement.name, type: statement.type, ...common };
    case "variable":
      return {
        kind: StructureKind.VariableStatement,
        ...common,
        declarationKind:
          statement.declarationKind === "let" ? VariableDeclarationKind.Let : VariableDeclarationKind.Const,
        declarations: statement.declarations.map((d) => ({
          name: d.name,
          initializer: d.initializer,
          ...(d.type ? { type: d.type } : {}),
        })),
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

/**
 * A fresh in-memory project per file, so no state outlives the call (the project is cheap: no
 * lib files, no disk). Two spaces, like the prettier config: files too big to format still read
 * the same way.
 */
function newProject(): Project {
  const { IndentationText, Project: ProjectClass } = tsMorph();
  return new ProjectClass({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces },
  });
}

/** One file's text from its statements, printed by ts-morph's public createSourceFile. */
export function printStatements(statements: Statement[]): string {
  const file = newProject().createSourceFile("file.ts", { statements: statements.map(toStructure) });
  return file.getFullText();
}
