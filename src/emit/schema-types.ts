// Schema types come from openapi-typescript, not from us: one file (schema.ts) with `paths`,
// `components` and `operations`, which every generated type indexes into. We call its transform
// on the document we already loaded, so the spec is parsed and bundled once, not twice.
import type { OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { openapiTypescript } from "./openapi-typescript.js";
import { escapeRawControlCharacters, withInertCommentText } from "./schema-comments.js";

type TransformContext = Parameters<ReturnType<typeof openapiTypescript>["transformSchema"]>[1];

export function schemaTypes(document: Record<string, unknown>): string {
  const { astToString, resolveRef, scanDiscriminators, transformSchema } = openapiTypescript();
  // Spec text reaches schema.ts comments verbatim; see schema-comments.ts for what is cleaned and why.
  const schema = withInertCommentText(document) as OpenAPI3;
  const options: OpenAPITSOptions = { silent: true };
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
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
      return resolveRef(schema, $ref, { silent: true });
    },
  } as unknown as TransformContext;
  return escapeRawControlCharacters(astToString(transformSchema(schema, ctx)));
}
