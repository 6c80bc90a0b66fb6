// Formatting is part of the output's byte-stability: one pinned prettier config, in-process.
import * as prettier from "prettier";

export const PRETTIER_OPTIONS: prettier.Options = {
  parser: "babel-ts",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
};

export function format(source: string): Promise<string> {
  return prettier.format(source, PRETTIER_OPTIONS);
}
