// Swagger 2.0 input: converted to OpenAPI 3.0 by swagger2openapi (the converter behind
// APIs.guru's directory) so every later stage reads one format. It runs after bundling, on a
// document whose $refs are all internal, so the converter never touches the file system or
// the network. Loaded lazily: OpenAPI 3 specs, the common case, never pay for its import.
import { SpecError, pointerOf } from "../diagnostics.js";

/** In warn-only mode the converter marks what it could not convert with this property. */
const WARNING = "x-faultline-conversion-problem";
const FIX =
  "correct the Swagger 2.0 document (swagger2openapi --patch reports the same problem), or convert it to OpenAPI 3 yourself";

/** Where OpenAPI 3 keeps what Swagger 2.0 kept at the root: to point into the user's own file. */
const MOVED: [string, string][] = [
  ["/components/schemas/", "/definitions/"],
  ["/components/parameters/", "/parameters/"],
  ["/components/responses/", "/responses/"],
  ["/components/securitySchemes/", "/securityDefinitions/"],
];

export function isSwagger2(document: Record<string, unknown>): boolean {
  return document.swagger === "2.0";
}

export async function convertSwagger2(
  document: Record<string, unknown>,
  file: string,
  text: string,
): Promise<Record<string, unknown>> {
  const { default: converter } = await import("swagger2openapi");
  const convert = async (warnOnly: boolean) => {
    const result = await converter.convertObj(document as never, {
      // Fix what the converter can fix (e.g. a missing `type` next to `items`), instead of failing on it.
      patch: true,
      warnOnly,
      warnProperty: WARNING,
      // Never resolve: external $refs were bundled already, and remote ones are refused there.
      resolve: false,
      // The converter otherwise serialises the whole spec to YAML first, only to keep it as `text`.
      text,
    });
    return result.openapi as unknown as Record<string, unknown>;
  };
  try {
    return await convert(false);
  } catch (error) {
    // The converter's error says what, not where. Converting again in warn-only mode (it works on
    // a copy of the input) marks the node it could not convert: that is where the user looks.
    const marked = await convert(true).then(firstWarning, () => undefined);
    const pointer = marked && toSwaggerPointer(marked);
    const message = (error as Error).message.replace(
      /#(\/components\/\w+\/)/g,
      (_, p: string) => `#${toSwaggerPointer(p)}`,
    );
    throw new SpecError({
      file,
      ...(pointer === undefined ? {} : { pointer }),
      problem: `cannot convert Swagger 2.0 to OpenAPI 3: ${message}`,
      fix: FIX,
    });
  }
}

function toSwaggerPointer(pointer: string): string {
  const moved = MOVED.find(([to]) => pointer.startsWith(to));
  return moved ? moved[1] + pointer.slice(moved[0].length) : pointer;
}

/** The first marked node in document order, so the same spec always reports the same problem. */
function firstWarning(node: unknown, tokens: string[] = []): string | undefined {
  if (node === null || typeof node !== "object") return undefined;
  if ((node as Record<string, unknown>)[WARNING] !== undefined) return pointerOf(...tokens);
  for (const [key, value] of Object.entries(node)) {
    const found = firstWarning(value, [...tokens, key]);
    if (found) return found;
  }
  return undefined;
}
