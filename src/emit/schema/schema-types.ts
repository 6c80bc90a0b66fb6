// Schema types come from openapi-typescript, not from us: one file (schema.ts) with `paths`,
// `components` and `operations`, which every generated type indexes into. We call its transform
// on the document we already loaded, so the spec is parsed and bundled once, not twice.
import type { OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { SpecError, type SpecWarning } from "../../diagnostics.js";
import { mayDuplicateDiscriminator, withoutDuplicateMembers } from "./discriminator-duplicates.js";
import { mayHaveDiscriminators, noDiscriminators } from "./discriminator-presence.js";
import { openapiTypescript } from "./openapi-typescript.js";
import { withItemSchemas } from "./item-schemas.js";
import { withNullableSafeWithRequired } from "./with-required.js";
import { withRecursiveArraysAsInterfaces } from "./recursive-arrays.js";
import { withRequestTwins } from "./request-defaults.js";
import { withDeclaredDiscriminatorValues } from "./discriminator-values.js";
import { escapeRawControlCharacters, withInertCommentText } from "./schema-comments.js";
import { decodePointerToken } from "../../pointer.js";

type TransformContext = Parameters<ReturnType<typeof openapiTypescript>["transformSchema"]>[1];

/** A spec with more schemas openapi-typescript cannot type than this is refused, not degraded. */
const MAX_UNTYPABLE = 50;

export interface SchemaTypes {
  text: string;
  /** Schemas openapi-typescript could not type, typed unknown instead (pointers into the document). */
  warnings: SpecWarning[];
}

/** `file` names the spec in the diagnostic for a schema openapi-typescript cannot type. */
export function schemaTypes(document: Record<string, unknown>, file: string): SchemaTypes {
  // Request bodies get twins of the schemas they use, with defaulted properties optional (request-defaults.ts).
  // Stream items (OpenAPI 3.2 itemSchema) are typed as the media's schema (item-schemas.ts).
  const { document: withTwins, twinOf } = withRequestTwins(withDeclaredDiscriminatorValues(withItemSchemas(document)));
  // Spec text reaches schema.ts comments verbatim; see schema-comments.ts for what is cleaned and why.
  let schema = withInertCommentText(withTwins) as OpenAPI3;
  const warnings: SpecWarning[] = [];
  const replaced = new Set<string>();
  for (;;) {
    try {
      return { text: transformed(schema), warnings };
    } catch (error) {
      // A schema no Schema Object has concerns that schema, not the client: type it unknown, go on.
      const untypable = untypableSchema(error, schema, file);
      const tokens = untypable.diagnostic.pointer?.split("/").slice(1);
      // Typing it unknown did not help (the same place again): refuse rather than loop.
      const pointer = untypable.diagnostic.pointer ?? "";
      if (!tokens || tokens.length < 2 || replaced.has(pointer) || replaced.size >= MAX_UNTYPABLE) throw untypable;
      if (replaced.size === 0) schema = structuredClone(schema);
      replaced.add(pointer);
      replaceWithUnknown(schema, tokens);
      // A request twin repeats its original's flaw, which has (or will have) its own warning.
      if (tokens[0] === "components" && tokens[1] === "schemas" && twinOf.has(decodePointerToken(tokens[2]!))) continue;
      warnings.push({ ...untypable.diagnostic, did: "typed this schema unknown" });
    }
  }
}

function replaceWithUnknown(document: unknown, tokens: string[]): void {
  const keys = tokens.map((t) => decodePointerToken(t));
  let parent = document as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const old = parent[keys.at(-1)!];
  const description =
    old !== null && typeof old === "object" && typeof (old as Record<string, unknown>).description === "string"
      ? { description: (old as Record<string, unknown>).description }
      : {};
  parent[keys.at(-1)!] = description;
}

function transformed(schema: OpenAPI3): string {
  const { astToString, resolveRef, scanDiscriminators, transformSchema } = openapiTypescript();
  const options: OpenAPITSOptions = { silent: true };
  // Asked first: on a spec without discriminators the scan is a whole-document walk that finds nothing.
  const discriminators = mayHaveDiscriminators(schema)
    ? scanDiscriminators(schema, options)
    : noDiscriminators<ReturnType<typeof scanDiscriminators>>();
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
  let nodes = transformSchema(schema, ctx);
  if (mayDuplicateDiscriminator(schema, discriminators)) nodes = withoutDuplicateMembers(nodes);
  nodes = withNullableSafeWithRequired(nodes);
  nodes = withRecursiveArraysAsInterfaces(nodes);
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
    node = (node as Record<string, unknown>)[decodePointerToken(token)];
  }
  return node !== undefined;
}
