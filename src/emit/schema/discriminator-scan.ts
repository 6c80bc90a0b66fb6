// openapi-typescript's scanDiscriminators (dist/lib/utils.cjs, 7.13.0, MIT), with a cheaper walk.
// It walks the whole document twice, copying the path array at every node (`path.concat(key)`):
// ~0.35 s on GitHub's million nodes, for a path its callbacks read only at the few nodes that
// have a discriminator or an allOf. The copy below is its code unchanged but for the walk, which
// shares one path array (the callbacks read it at once, through createRef). It is used only while
// utils.cjs is byte for byte the file it was copied from; any other version runs its own.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

type Node = Record<string, any>; // the copied code reads schemas untyped, as its original does
type Path = (string | number)[];
interface Options {
  silent?: boolean;
}
interface Utils {
  createRef(path: Path): string;
  resolveRef(schema: unknown, ref: string, options: { silent: boolean }): Node | undefined;
  warn(message: string, silent?: boolean): void;
}
export interface Discriminators {
  objects: Record<string, Node>;
  refsHandled: string[];
}

const UTILS = "openapi-typescript/dist/lib/utils.cjs";
/** sha256 of the utils.cjs this copies (openapi-typescript 7.13.0). */
export const COPIED_FROM = "a38aa0ac5d9bccc817f113dab45726a8a4eccf653b2ab57665161c8e8377dacf";

const require = createRequire(import.meta.url);

/** True when the installed utils.cjs is the one copied here (a test says when an upgrade changes it). */
export function copyMatchesInstalled(): boolean {
  try {
    return createHash("sha256").update(readFileSync(require.resolve(UTILS))).digest("hex") === COPIED_FROM;
  } catch {
    return false;
  }
}

function walk(obj: unknown, cb: (obj: Node, path: Path) => void, path: Path): void {
  if (!obj || typeof obj !== "object") return;
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      path.push(i);
      walk(obj[i], cb, path);
      path.pop();
    }
    return;
  }
  cb(obj as Node, path);
  for (const k of Object.keys(obj)) {
    path.push(k);
    walk((obj as Node)[k], cb, path);
    path.pop();
  }
}

function createDiscriminatorEnum(values: string[], prevSchema?: Node): Node {
  return {
    type: "string",
    enum: values,
    description: prevSchema?.description ? `${prevSchema.description} (enum property replaced by openapi-typescript)` : "discriminator enum property added by openapi-typescript",
  };
}

function patchDiscriminatorEnum(utils: Utils, schema: unknown, ref: string, values: string[], discriminator: Node, discriminatorRef: string, options: Options): boolean {
  const resolvedSchema = utils.resolveRef(schema, ref, { silent: options.silent ?? false });
  if (resolvedSchema?.allOf) {
    resolvedSchema.allOf.push({
      type: "object",
      // discriminator enum properties always need to be required
      required: [discriminator.propertyName],
      properties: { [discriminator.propertyName]: createDiscriminatorEnum(values) },
    });
    return true;
  } else if (typeof resolvedSchema === "object" && "type" in resolvedSchema && resolvedSchema.type === "object") {
    if (!resolvedSchema.properties) resolvedSchema.properties = {};
    if (!resolvedSchema.required) resolvedSchema.required = [discriminator.propertyName];
    else if (!resolvedSchema.required.includes(discriminator.propertyName)) resolvedSchema.required.push(discriminator.propertyName);
    resolvedSchema.properties[discriminator.propertyName] = createDiscriminatorEnum(values, resolvedSchema.properties[discriminator.propertyName]);
    return true;
  }
  utils.warn(`Discriminator mapping has an invalid schema (neither an object schema nor an allOf array): ${ref} => ${values.join(", ")} (Discriminator: ${discriminatorRef})`, options.silent);
  return false;
}

function copiedScan(utils: Utils, schema: unknown, options: Options): Discriminators {
  const objects: Record<string, Node> = {};
  const refsHandled: string[] = [];
  walk(
    schema,
    (obj, path) => {
      const discriminator = obj?.discriminator;
      if (!discriminator?.propertyName) return;
      const ref = utils.createRef(path);
      objects[ref] = discriminator;
      if (!obj?.oneOf || !Array.isArray(obj.oneOf)) return;
      const oneOf = obj.oneOf;
      const mapping: Record<string, { inferred?: string; defined?: string[] }> = {};
      for (const item of oneOf) {
        if ("$ref" in item) {
          const value = item.$ref.split("/").pop();
          if (value) {
            if (!mapping[item.$ref]) mapping[item.$ref] = { inferred: value };
            else mapping[item.$ref]!.inferred = value;
          }
        }
      }
      if (discriminator.mapping) {
        for (const mappedValue in discriminator.mapping) {
          const mappedRef = discriminator.mapping[mappedValue];
          if (!mappedRef) continue;
          if (!mapping[mappedRef]?.defined) mapping[mappedRef] = { defined: [] };
          mapping[mappedRef]!.defined?.push(mappedValue);
        }
      }
      for (const [mappedRef, { inferred, defined }] of Object.entries(mapping)) {
        if (refsHandled.includes(mappedRef)) continue;
        if (!inferred && !defined) continue;
        const mappedValues = defined ?? [inferred!];
        if (patchDiscriminatorEnum(utils, schema, mappedRef, mappedValues, discriminator, ref, options)) refsHandled.push(mappedRef);
      }
    },
    [],
  );
  walk(
    schema,
    (obj, path) => {
      if (!obj || !Array.isArray(obj.allOf)) return;
      for (const item of obj.allOf) {
        if ("$ref" in item) {
          if (!objects[item.$ref]) return;
          const ref = utils.createRef(path);
          const discriminator = objects[item.$ref]!;
          const mappedValues: string[] = [];
          if (discriminator.mapping) {
            for (const mappedValue in discriminator.mapping) {
              if (discriminator.mapping[mappedValue] === ref) mappedValues.push(mappedValue);
            }
            if (mappedValues.length > 0) {
              if (patchDiscriminatorEnum(utils, schema, ref, mappedValues, discriminator, item.$ref, options)) refsHandled.push(ref);
            }
          }
          objects[ref] = { ...objects[item.$ref] };
        } else if (item.discriminator?.propertyName) {
          objects[utils.createRef(path)] = { ...item.discriminator };
        }
      }
    },
    [],
  );
  return { objects, refsHandled };
}

let copyIsCurrent: boolean | undefined;

/** What `original` (openapi-typescript's) returns and does to `schema`, by the cheaper walk when the copy is current. */
export function scanDiscriminators<D>(schema: unknown, options: Options, original: (schema: never, options: Options) => D): D {
  copyIsCurrent ??= copyMatchesInstalled();
  // The copy's result has the original's shape: its types are just looser.
  return copyIsCurrent ? (copiedScan(require(UTILS) as Utils, schema, options) as D) : original(schema as never, options);
}
