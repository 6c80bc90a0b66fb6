// The one pinned prettier config: part of the output's byte-stability, shared by the in-process
// formatter and the format worker.
import type { Options } from "prettier";

export const PRETTIER_OPTIONS: Options = {
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
