// Redocly 1.34 reads `openapi: 3.2.x` with its 3.1 node types, which know no itemSchema and no
// components/mediaTypes: a $ref to another file inside an itemSchema would be left unbundled (a
// dangling "./events.yaml#/Event" in the one document the rest of faultline reads). Its public
// `customTypes` input takes the 3.1 types with those two 3.2 places added, so they are bundled.
import type { Redocly } from "./redocly.js";

type NodeTypes = NonNullable<Parameters<Redocly["bundleDocument"]>[0]["customTypes"]>;

/** The node types to bundle a 3.1 or 3.2 document with; undefined (Redocly's own) for the others. */
export function bundleTypes(redocly: Redocly, root: unknown): NodeTypes | undefined {
  if (redocly.detectSpec(root) !== redocly.SpecVersion.OAS3_1) return undefined;
  const types = redocly.Oas3_1Types as NodeTypes;
  const { MediaType, Components } = types;
  if (!MediaType || !Components) return undefined;
  return {
    ...types,
    MediaType: { ...MediaType, properties: { ...MediaType.properties, itemSchema: "Schema" } },
    Components: { ...Components, properties: { ...Components.properties, mediaTypes: "NamedMediaTypes" } },
    NamedMediaTypes: { properties: {}, additionalProperties: () => "MediaType" },
  };
}
