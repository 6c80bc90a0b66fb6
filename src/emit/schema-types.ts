// Schema types come from openapi-typescript, not from us: one file (schema.ts) with `paths`,
// `components` and `operations`, which every generated type indexes into. We call its transform
// on the document we already loaded, so the spec is parsed and bundled once, not twice.
import type { OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { SpecError } from "../diagnostics.js";
import { mayDuplicateDiscriminator, withoutDuplicateMembers } from "./discriminator-duplicates.js";
import { scanDiscriminators } from "./discriminator-scan.js";
import { openapiTypescript } from "./openapi-typescript.js";
import { withMemoizedRefPointers } from "./ref-pointer-memo.js";
import { withNullableSafeWithRequired } from "./with-required.js";
import { escapeRawControlCharacters, withInertCommentText } from "./schema-comments.js";

type TransformContext = Parameters<ReturnType<typeof openapiTypescript>["transformSchema"]>[1];

/** `file` names the spec in the diagnostic for a schema openapi-typescript cannot type. */
export function schemaTypes(document: Record<string, unknown>, file: string): string {
  const { astToString, resolveRef, scanDiscriminators: originalScan, transformSchema } = openapiTypescript();
  // Spec text reaches schema.ts comments verbatim; see schema-comments.ts for what is cleaned and why.
  const schema = withInertCommentText(document) as OpenAPI3;
  const options: OpenAPITSOptions = { silent: true };
  const discriminators = scanDiscriminators(schema, options, originalScan);
  // The transform resolves the same refs over and over (a parameter or schema per use): once each.
  const resolved = new Map<string, unknown>();
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref: string) {
      if (!resolved.has($ref)) resolved.set($ref, resolveRef(schema, $ref, { silent: true }));
      return resolved.get($ref);
    },
  } as unknown as TransformContext;
  let nodes;
  try {
    nodes = withMemoizedRefPointers(() => transformSchema(schema, ctx));
  } catch (error) {
    throw untypableSchema(error, schema, file);
  }
  if (mayDuplicateDiscriminator(schema, discriminators)) nodes = withoutDuplicateMembers(nodes);
  nodes = withNullableSafeWithRequired(nodes);
  return escapeRawControlCharacters(astToString(nodes));
}

/**
 * openapi-typescript throws on shapes no Schema Object has ("Expected SchemaObject, received
 * string at #/components/schemas/A/oneOf/0"): that is the spec's error, reported where it is.
 * Its pointer may name a place it made up (it reads `enum` as `oneOf`), so the diagnostic points
 * at the deepest part of it that exists in the spec.
 */
function untypableSchema(error: unknown, document: unknown, file: string): SpecError {
  const message = error instanceof Error ? error.message : String(error);
  const named = /(?:^|\bat )#(\/[^\s:]*)/.exec(message)?.[1];
  let tokens = named === undefined ? undefined : named.split("/").slice(1);
  while (tokens && tokens.length > 0 && !exists(document, tokens)) tokens = tokens.slice(0, -1);
  return new SpecError({
    file,
    ...(tokens === undefined ? {} : { pointer: tokens.map((t) => `/${t}`).join("") }),
    problem: `openapi-typescript cannot turn this schema into types: ${message}`,
    fix: "make it a valid Schema Object: subschemas are mappings, and enum values have the schema's type",
  });
}

function exists(document: unknown, tokens: string[]): boolean {
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node !== undefined;
}
