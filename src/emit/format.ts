// Formatting is part of the output's byte-stability: one pinned prettier config, in-process.
// Prettier is imported on first use: a big spec's files are all above generate()'s format limit
// and the runtime ships pre-formatted, so such a run never pays the ~0.1 s import.
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

let prettier: Promise<typeof import("prettier")> | undefined;

export async function format(source: string): Promise<string> {
  prettier ??= import("prettier");
  return (await prettier).format(source, PRETTIER_OPTIONS);
}
