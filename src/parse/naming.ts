// Operation names become method and type names in generated code, so they must be valid,
// unique identifiers whatever the spec says. Spec text never reaches code unescaped.

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean number string symbol " +
    "type from of await async constructor prototype __proto__ " +
    // Operation names are also module-level functions: strict mode forbids binding eval and
    // arguments, and a function named undefined or globalThis would shadow the global.
    "eval arguments undefined globalThis"
  )
    .split(" ")
    // Object.prototype's members (toString, isPrototypeOf, ...): as keys of generated data typed by a
    // Record, TypeScript reads them as the inherited member and widens their values.
    .concat(Object.getOwnPropertyNames(Object.prototype)),
);

/**
 * Generated type names are the operation name + Input/Success/Error/Result. These bases would
 * collide with runtime exports (HttpError, NetworkError, RequestInput, ...), so they count as taken.
 */
const RUNTIME_NAME_BASES = [
  "http",
  "undocumentedhttp",
  "network",
  "timeout",
  "aborted",
  "faultline",
  "stream", // StreamError
  "request",
  "client",
  "send",
  "middleware",
];

/**
 * Operation names are also exported functions of client.ts, re-exported by index.ts beside the
 * runtime's and operations.ts's value exports: these names are taken (test/emit/client-names.test.ts
 * checks the list against the rendered runtime).
 */
export const MODULE_VALUE_NAMES = [
  ...["createclient", "createcore", "api", "operations"],
  ...[
    "backoffdelay",
    "nextwait",
    "parseretryafter",
    "resolvepolicy",
    "cleanheaders",
    "normalizehttperror",
    "parsebody",
  ],
  ...["durationms", "ratelimitstate", "createcontext", "send", "systemclock", "isfaultlineerror", "unwrap"],
  "iseventstream",
  ...["specialbody", "streambody", "filebody"],
];

/** Words of a name: splits on non-alphanumerics and on lower-to-upper case changes. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

export function camelCase(text: string): string {
  const parts = words(text);
  const joined = parts
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
  return safeIdentifier(joined);
}

export function pascalCase(text: string): string {
  const camel = camelCase(text).replace(/^_+/, "");
  if (camel === "") return "Operation";
  // An identifier cannot start with a digit (operationId "58acde29..." in Halo's spec).
  return /^[0-9]/.test(camel) ? `_${camel}` : camel[0]!.toUpperCase() + camel.slice(1);
}

function safeIdentifier(name: string): string {
  if (name === "") return "operation";
  if (/^[0-9]/.test(name) || RESERVED.has(name)) return `_${name}`;
  return name;
}

/** A stable name for an operation without an operationId: method + path, e.g. getCasesById. */
export function nameFromMethodAndPath(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("{") ? `by ${s.slice(1, -1)}` : s));
  return camelCase(`${method} ${segments.join(" ")}`);
}

/**
 * Makes names unique: the first holder (in the given order) keeps a name; later ones get
 * a numeric suffix. The caller passes operations in a stable order, so the result is stable.
 */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>([...RUNTIME_NAME_BASES, ...MODULE_VALUE_NAMES]);
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
