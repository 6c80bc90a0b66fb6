// A spec named on the command line of lint or report: a URL as it is, a path relative to the
// command's folder (Io.cwd, which tests set), shown as typed when that folder is this process's.
import path from "node:path";
import { isSpecUrl } from "../parse/fetch-root.js";

export function specArgument(spec: string, cwd: string): string {
  if (isSpecUrl(spec) || path.isAbsolute(spec) || path.resolve(cwd) === process.cwd()) return spec;
  return path.resolve(cwd, spec);
}
