// The pieces generate() is given rather than making itself (src/generate.ts: GenerateTools): the
// CLI's formatter and the runtime templates read from the package. One set per command run; a
// --watch session makes its own, with a formatter that remembers across saves.
import type { GenerateTools } from "../generate.js";
import { createFormatter, type FormatterOptions } from "../format/formatter.js";
import { readMockRuntime, readRuntimeTemplates } from "./runtime-templates.js";

/** Prettier on a worker thread by default: it imports prettier while this thread prints. */
export function createGenerateTools(formatter: FormatterOptions = { worker: true }): GenerateTools {
  return { formatter: createFormatter(formatter), templates: readRuntimeTemplates(), mockRuntime: readMockRuntime() };
}
