// Multi-file specs: @redocly/openapi-core pulls every external $ref into one document.
// We only call it when a spec has external refs: a single-file spec needs no bundling,
// and skipping it saves seconds on large specs (2.2 s on GitHub's). Redocly itself is loaded
// only then (redocly.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import type { BaseResolver, Document, NormalizedProblem, Source } from "@redocly/openapi-core";
import { SpecError, pointerOf } from "../diagnostics.js";
import { checkDocumentShape, LIMIT_KNOBS, type InputLimits } from "./limits.js";
import { isLiteralData, pointsIntoLiteralData } from "./literal-data.js";
import { redocly } from "./redocly.js";
import { bundleTypes } from "./oas32-types.js";
import { scanRefFiles, type RefRoots, type ScannedFile } from "./ref-files.js";
import { REMOTE_FIX, REMOTE_REFUSED, bundleProblemToError } from "./ref-problems.js";

export interface ExternalRef {
  ref: string;
  pointer: string;
}

/** A visited node and the way back to the root; its pointer is spelled out only for a hit. */
interface Visit {
  node: object;
  key: string;
  parent: Visit | undefined;
}

function pointerOfVisit(visit: Visit): string {
  const tokens: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) tokens.push(v.key);
  return pointerOf(...tokens.reverse());
}

/**
 * Every $ref that leaves the document, with where it stands. Runs on every spec, including
 * 13 MB ones, so it allocates one small record per object and no per-node token arrays.
 */
export function findExternalRefs(document: unknown): ExternalRef[] {
  const found: ExternalRef[] = [];
  if (document === null || typeof document !== "object") return found;
  const stack: Visit[] = [{ node: document, key: "", parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (isLiteralData(visit)) continue; // a $ref key in an example or x-* value is data
    const node = visit.node as Record<string, unknown>;
    const ref = node.$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) found.push({ ref, pointer: pointerOfVisit(visit) });
    for (const key in node) {
      const value = node[key];
      if (value !== null && typeof value === "object") stack.push({ node: value, key, parent: visit });
    }
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

export function isRemoteRef(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) && !ref.startsWith("file:");
}

interface GuardedResolver extends BaseResolver {
  /** URLs refused, in order: redocly may report the failure at the first $ref of a chain, not at the URL. */
  readonly refused: string[];
  /** Remote files refused by a limit. */
  readonly rejected: SpecError[];
  /** Local files checked by scanRefFiles: Redocly gets these texts and documents, and no others. */
  scanned: Map<string, ScannedFile>;
  /** Every file that was read, with its text: the spec hash covers them all, remote ones included. */
  sources(): Promise<Source[]>;
}

/**
 * Checking the root file's refs is not enough: a local file it pulls in may $ref a URL. This
 * resolver is what redocly loads every file through, so a URL is refused wherever it appears.
 * Declared inside a function because its base class is only loaded when bundling.
 */
function guardedResolver(
  config: ConstructorParameters<typeof BaseResolver>[0],
  allowRemoteRefs: boolean,
  limits: InputLimits,
): GuardedResolver {
  return new (class extends redocly().BaseResolver implements GuardedResolver {
    readonly refused: string[] = [];
    readonly rejected: SpecError[] = [];
    scanned = new Map<string, ScannedFile>();

    override async loadExternalRef(absoluteRef: string): Promise<Source> {
      if (isRemoteRef(absoluteRef)) {
        if (allowRemoteRefs) return this.checkedRemote(await super.loadExternalRef(absoluteRef));
        this.refused.push(absoluteRef);
        throw new Error(`remote $ref ${REMOTE_REFUSED}`);
      }
      const checked = this.scanned.get(absoluteRef);
      // Redocly folds CRLF when it reads a file itself; the same here, so its positions agree.
      if (checked) return new (redocly().Source)(absoluteRef, checked.text.replace(/\r\n/g, "\n"));
      // Not scanned: a missing file (Redocly's error names it); an existing one was never checked, so it is not read.
      if (!existsSync(absoluteRef)) return super.loadExternalRef(absoluteRef);
      // The scan reads every file a spec object refers to, so only a $ref inside literal data (an
      // example value: scan-ref-files skips those) gets here; it stays data and its file unread.
      throw new Error(`${absoluteRef} ${NOT_READ}`);
    }

    override parseDocument(source: Source, isRoot?: boolean): Document {
      const parsed = this.scanned.get(source.absoluteRef)?.parsed;
      if (parsed !== undefined) return { source, parsed };
      const document = super.parseDocument(source, isRoot);
      // A fetched file (--allow-remote-refs) is untrusted too: the same shape limits as a local one.
      if (isRemoteRef(source.absoluteRef))
        this.reject(() => checkDocumentShape(document.parsed, source.absoluteRef, limits, source.body));
      return document;
    }

    /** A fetched body over the size limit is refused (fetched whole by Redocly, but no further). */
    checkedRemote(source: Source): Source {
      if (source.body.length > limits.maxSpecBytes) {
        this.reject(() => {
          throw new SpecError({
            file: source.absoluteRef,
            problem: `is larger than ${limits.maxSpecBytes} bytes, the limit for one spec file`,
            fix: `raise ${LIMIT_KNOBS.maxSpecBytes}`,
          });
        });
      }
      return source;
    }

    /** Redocly turns a resolver's error into "Can't resolve $ref": kept here, and thrown as it is after bundling. */
    reject(check: () => void): void {
      try {
        check();
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        this.rejected.push(error);
        throw error;
      }
    }

    async sources(): Promise<Source[]> {
      // A file left unread is a rejected entry of the cache: not a source.
      const documents = await Promise.allSettled([...this.cache.values()]);
      return documents.flatMap((d) =>
        d.status === "fulfilled" && "source" in d.value && d.value.source ? [d.value.source] : [],
      );
    }
  })(config);
}

/** Why Redocly could not resolve a $ref in literal data: faultline did not read its file, by design. */
const NOT_READ = "is only named by a $ref in literal data (an example), so faultline leaves it unread";

export interface BundleInput {
  file: string;
  text: string;
  /** The root file parsed: handed to Redocly, which would otherwise read and parse it again. */
  document: unknown;
  external: ExternalRef[];
  allowRemoteRefs: boolean;
  limits: InputLimits;
  refRoots: RefRoots;
}

export async function bundleExternalRefs(
  input: BundleInput,
): Promise<{ document: Record<string, unknown>; files: string[]; texts: string[] }> {
  const { file, external, allowRemoteRefs } = input;
  const remote = external.find((r) => isRemoteRef(r.ref));
  if (remote && !allowRemoteRefs) {
    throw new SpecError({
      file,
      pointer: `${remote.pointer}/$ref`,
      problem: `remote $ref ${JSON.stringify(remote.ref)} ${REMOTE_REFUSED}`,
      fix: REMOTE_FIX,
    });
  }
  const { bundleDocument, createConfig } = redocly();
  const config = await createConfig({}, {});
  const resolver = guardedResolver(config.resolve, allowRemoteRefs, input.limits);
  resolver.scanned = await scanRefFiles({
    rootFile: file,
    rootText: input.text,
    rootDocument: input.document,
    limits: input.limits,
    refRoots: input.refRoots,
    resolve: (holder, uri) => resolver.resolveExternalRef(holder, uri),
  });
  let result;
  try {
    // bundle() with the root resolved here, to hand Redocly the node types of the document's version (oas32-types.ts).
    const root = await resolver.resolveDocument(null, path.resolve(file), true);
    if (root instanceof Error) throw root;
    const customTypes = bundleTypes(redocly(), root.parsed);
    result = await bundleDocument({
      document: root,
      config: config.styleguide,
      ...(customTypes ? { customTypes } : {}),
      dereference: false,
      externalRefResolver: resolver,
    });
  } catch (error) {
    throw new SpecError({
      file,
      problem: `cannot bundle $refs: ${(error as Error).message}`,
      fix: "check that every $ref names an existing file",
    });
  }
  if (resolver.rejected[0]) throw resolver.rejected[0];
  // A $ref in literal data (an example) is data: its file unread (NOT_READ), or missing, is no failure.
  const inData = (p: NormalizedProblem) => {
    const at = p.location[0];
    const holder = at?.source.absoluteRef;
    const document =
      holder === path.resolve(file) ? input.document : holder ? resolver.scanned.get(holder)?.parsed : undefined;
    return p.message.includes(NOT_READ) || (at?.pointer !== undefined && pointsIntoLiteralData(document, at.pointer));
  };
  const failure = result.problems.find((p) => p.severity === "error" && !inData(p));
  if (failure) throw bundleProblemToError(failure, file, resolver.refused[0]);
  const root = path.resolve(file);
  const remoteBodies = new Map((await resolver.sources()).map((s) => [s.absoluteRef, s.body]));
  const others = [...remoteBodies.keys()].filter((f) => f !== root).sort();
  const files = [root, ...others];
  // Local files are hashed as they are on disk (redocly's copy has CRLF folded); remote ones as fetched.
  const texts = files.map((f) =>
    isRemoteRef(f) ? (remoteBodies.get(f) ?? "") : (resolver.scanned.get(f)?.text ?? ""),
  );
  return { document: result.bundle.parsed as Record<string, unknown>, files, texts };
}
