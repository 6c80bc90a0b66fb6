// The root spec given as an http(s) URL (`faultline generate https://host/openapi.yaml`). A
// server is untrusted like a spec: the body is read up to the size limit and no further, the
// whole fetch (redirects and body) must finish within a time limit, only http(s) is followed,
// at most MAX_REDIRECTS times. Credentials in the URL (user:password@) are sent as Basic auth to
// that origin only, and never shown: diagnostics name the URL without them.
import { SpecError } from "../diagnostics.js";
import { LIMIT_KNOBS } from "./limits.js";

const MAX_REDIRECTS = 5;

/** Query keys whose values are secrets often enough to hide them wherever the URL is shown. */
const SECRET_KEY = /token|key|secret|sig|pass|auth|credential|session|code/i;

export function isSpecUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** The URL as faultline prints it: no user:password, secret-looking query values masked. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    for (const key of new Set(parsed.searchParams.keys()))
      if (SECRET_KEY.test(key)) parsed.searchParams.set(key, "***");
    return parsed.href;
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//");
  }
}

const DOWNLOAD = "or download the spec and pass its path";

export interface FetchedRoot {
  /** As diagnostics name it (shownUrl). */
  file: string;
  text: string;
  /** Where the spec was found after redirects, without credentials: relative $refs resolve against it. */
  base: string;
}

export async function fetchRootSpec(
  url: string,
  limits: { maxSpecBytes: number; fetchTimeoutMs: number },
): Promise<FetchedRoot> {
  const file = shownUrl(url);
  const fail = (problem: string, fix: string) => new SpecError({ file, problem, fix });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw fail("is not a valid URL", "write it as http(s)://host/path/openapi.yaml");
  }
  const origin = target.origin;
  const auth = target.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString("base64")}`
    : undefined;
  target.username = target.password = "";
  const signal = AbortSignal.timeout(limits.fetchTimeoutMs);
  const timedOut = () =>
    fail(
      `no complete answer within ${limits.fetchTimeoutMs / 1000} s`,
      `check the URL and the server, raise ${LIMIT_KNOBS.fetchTimeoutMs}, ${DOWNLOAD}`,
    );
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { accept: "application/yaml, application/json;q=0.9, text/*;q=0.5" };
      if (auth && target.origin === origin) headers.authorization = auth;
      const response = await fetch(target, { redirect: "manual", signal, headers });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (hop === MAX_REDIRECTS)
          throw fail(
            `redirects more than ${MAX_REDIRECTS} times`,
            `pass the URL the spec finally lives at, ${DOWNLOAD}`,
          );
        target = new URL(location, target);
        if (target.protocol !== "http:" && target.protocol !== "https:")
          throw fail(
            `redirects to a ${target.protocol} URL; faultline follows http(s) only`,
            `pass an http(s) URL of the spec, ${DOWNLOAD}`,
          );
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw fail(
          `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
          `check the URL (and that the spec can be read without signing in), ${DOWNLOAD}`,
        );
      }
      if (/^text\/html\b/i.test(response.headers.get("content-type") ?? "")) {
        await response.body?.cancel();
        throw fail(
          "the server sent an HTML page, not a YAML or JSON spec",
          `use the URL of the raw file (on GitHub: raw.githubusercontent.com/...), ${DOWNLOAD}`,
        );
      }
      const text = await readBody(response, limits.maxSpecBytes, fail);
      return { file, text, base: target.href };
    }
  } catch (error) {
    if (error instanceof SpecError) throw error;
    if (signal.aborted) throw timedOut();
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw fail(
      `cannot be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      `check the URL and your network, ${DOWNLOAD}`,
    );
  }
}

/** The body as text, refused as soon as it passes maxBytes (whatever Content-Length claims). */
async function readBody(
  response: Response,
  maxBytes: number,
  fail: (problem: string, fix: string) => SpecError,
): Promise<string> {
  const tooBig = () =>
    fail(
      `is larger than ${maxBytes} bytes, the limit for one spec file`,
      `raise ${LIMIT_KNOBS.maxSpecBytes}, ${DOWNLOAD}`,
    );
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  if (!reader) return "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}
