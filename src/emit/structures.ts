// The statements emitters return: a small subset of TypeScript declarations, as plain data
// (shaped like ts-morph's structures, which the emitters were first written against). print.ts
// turns them into text directly: no TypeScript AST, no parser, no 9 MB compiler to load.

export interface Parameter {
  name: string;
  type: string;
  hasQuestionToken?: boolean;
}

export interface PropertySignature {
  name: string;
  type: string;
  hasQuestionToken?: boolean;
  docs?: string[];
}

export interface MethodSignature {
  name: string;
  docs?: string[];
  parameters: Parameter[];
  returnType: string;
}

interface Declared {
  isExported?: boolean;
  docs?: string[];
}

export interface InterfaceStatement extends Declared {
  kind: "interface";
  name: string;
  properties?: PropertySignature[];
  methods?: MethodSignature[];
}

export interface TypeAliasStatement extends Declared {
  kind: "type-alias";
  name: string;
  type: string;
}

export interface VariableStatement extends Declared {
  kind: "variable";
  declarationKind: "const" | "let";
  declarations: { name: string; type?: string; initializer: string }[];
}

export interface FunctionStatement extends Declared {
  kind: "function";
  name: string;
  parameters: Parameter[];
  returnType?: string;
  /** Body statements, each printed as given (continuation lines indented with it). */
  statements: string[];
}

/** A string is a statement printed as given: imports, hand-written code. */
export type Statement = string | InterfaceStatement | TypeAliasStatement | VariableStatement | FunctionStatement;
