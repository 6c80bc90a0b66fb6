// Statements to source text. Small files are then formatted by prettier; big ones are written
// as printed here (prettier costs ~4 s per MB), so this layout is the one users read on big
// specs: 2-space indent, one member per line, long unions one variant per line. Blank lines
// surround interfaces and functions only, as prettier keeps them.
import type { FunctionStatement, InterfaceStatement, Parameter, Statement, TypeAliasStatement, VariableStatement } from "./structures.js";

const INDENT = "  ";
const LINE_WIDTH = 100;

export function printStatements(statements: Statement[]): string {
  const out: string[] = [];
  const blankLine = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  for (const statement of statements) {
    if (typeof statement === "string") {
      out.push(statement);
      continue;
    }
    const isBlock = statement.kind === "interface" || statement.kind === "function";
    if (isBlock) blankLine();
    out.push(...docLines(statement.docs, ""), printDeclaration(statement));
    if (isBlock) blankLine();
  }
  while (out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}

function printDeclaration(statement: Exclude<Statement, string>): string {
  const exported = statement.isExported ? "export " : "";
  switch (statement.kind) {
    case "interface":
      return exported + printInterface(statement);
    case "type-alias":
      return exported + printTypeAlias(statement, exported.length);
    case "variable":
      return exported + printVariable(statement);
    case "function":
      return exported + printFunction(statement);
  }
}

function docLines(docs: string[] | undefined, indent: string): string[] {
  return (docs ?? []).flatMap((doc) => {
    const lines = doc.split("\n");
    if (lines.length === 1) return [`${indent}/** ${doc} */`];
    return [`${indent}/**`, ...lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
  });
}

function parameters(list: Parameter[]): string {
  return list.map((p) => `${p.name}${p.hasQuestionToken ? "?" : ""}: ${p.type}`).join(", ");
}

function printInterface(s: InterfaceStatement): string {
  const members = [
    ...(s.properties ?? []).flatMap((p) => [...docLines(p.docs, INDENT), `${INDENT}${p.name}${p.hasQuestionToken ? "?" : ""}: ${p.type};`]),
    ...(s.methods ?? []).flatMap((m) => [...docLines(m.docs, INDENT), `${INDENT}${m.name}(${parameters(m.parameters)}): ${m.returnType};`]),
  ];
  return members.length === 0 ? `interface ${s.name} {}` : `interface ${s.name} {\n${members.join("\n")}\n}`;
}

function printTypeAlias(s: TypeAliasStatement, prefixLength: number): string {
  const head = `type ${s.name} =`;
  const oneLine = `${head} ${s.type};`;
  if (prefixLength + oneLine.length <= LINE_WIDTH) return oneLine;
  const variants = splitTopLevelUnion(s.type);
  return variants.length < 2 ? oneLine : `${head}\n${variants.map((v) => `${INDENT}| ${v}`).join("\n")};`;
}

function printVariable(s: VariableStatement): string {
  const declarations = s.declarations.map((d) => `${d.name}${d.type ? `: ${d.type}` : ""} = ${d.initializer}`);
  return `${s.declarationKind} ${declarations.join(", ")};`;
}

function printFunction(s: FunctionStatement): string {
  const body = s.statements.map((statement) => indentLines(statement, INDENT)).join("\n");
  return `function ${s.name}(${parameters(s.parameters)})${s.returnType ? `: ${s.returnType}` : ""} {\n${body}\n}`;
}

function indentLines(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : indent + line))
    .join("\n");
}

/** `A | B<C | D> | "x|y"` -> [`A`, `B<C | D>`, `"x|y"`]: splits only outside brackets and strings. */
export function splitTopLevelUnion(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === ">" && type[i - 1] === "=") continue; // the arrow of a function type
    else if (c === "<" || c === "(" || c === "[" || c === "{") depth++;
    else if (c === ">" || c === ")" || c === "]" || c === "}") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts.filter((p) => p !== "");
}
