// Response headers that carry a credential are dropped from error.headers and success headers by
// the shape of their name, not by a short list; the headers a caller needs to act on an error
// (request ids, rate limits, Retry-After) are kept even when their names contain such a word.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let server: FaultServer;
beforeAll(async () => {
  rt = await loadRuntime();
  server = await startFaultServer();
});
afterAll(() => server.close());

const dropped = [
  "set-cookie",
  "cookie",
  "authorization",
  "proxy-authorization",
  "www-authenticate",
  "proxy-authenticate",
  "x-auth-token",
  "x-access-token",
  "x-amz-security-token",
  "x-csrf-token",
  "x-xsrf-token",
  "x-api-key",
  "x-goog-api-key",
  "private-token",
  "x-session-id",
  "sessionid",
  "x-hub-signature-256",
  "x-client-secret",
  "x-credentials",
  "x-refresh-token",
  "x-jwt-assertion",
  "x-auth",
  "x-password",
];
const kept = [
  "x-request-id",
  "request-id",
  "x-amzn-requestid",
  "retry-after",
  "retry-after-ms",
  "content-type",
  "x-ratelimit-remaining",
  "x-ratelimit-remaining-tokens",
  "anthropic-ratelimit-tokens-reset",
  "ratelimit-limit",
  "x-rate-limit-reset",
  "location",
  "etag",
  "x-oauth-scopes",
  "x-accepted-oauth-scopes",
  "cache-control",
];

it.each(dropped)("%s is dropped", (name) => {
  expect(rt.cleanHeaders({ [name]: "v" })).toEqual({});
});
it.each(kept)("%s is kept", (name) => {
  expect(rt.cleanHeaders({ [name.toUpperCase()]: "v" })).toEqual({ [name]: "v" });
});

const word = fc.constantFrom("x", "amz", "my", "app", "v2", "upstream", "");
const secretWord = fc.constantFrom(
  "token",
  "secret",
  "session",
  "signature",
  "credential",
  "credentials",
  "cookie",
  "authorization",
  "authenticate",
  "api-key",
  "apikey",
  "password",
  "csrf",
  "xsrf",
  "jwt",
  "auth",
  "bearer",
);
const join = (parts: string[]) => parts.filter(Boolean).join("-");

it("any name with a credential word in it is dropped, whatever surrounds it", () => {
  fc.assert(
    fc.property(word, secretWord, word, fc.boolean(), (a, s, b, upper) => {
      const name = join([a, upper ? s.toUpperCase() : s, b]);
      fc.pre(!/rate-?limit|retry-after|request-?id/i.test(name));
      expect(rt.cleanHeaders(new Headers({ [name]: "SECRET" }))).toEqual({});
    }),
  );
});

it("rate-limit, retry-after and request-id headers are kept, whatever else their names say", () => {
  fc.assert(
    fc.property(
      word,
      fc.constantFrom("ratelimit", "rate-limit", "retry-after", "request-id", "requestid"),
      fc.oneof(word, secretWord),
      (a, keep, b) => {
        const name = join([a, keep, b]);
        expect(rt.cleanHeaders({ [name]: "1" })).toEqual({ [name]: "1" });
      },
    ),
  );
});

it("error.headers and success headers both carry no credential", async () => {
  const sent = Object.fromEntries(dropped.filter((n) => n !== "set-cookie").map((n) => [n, `SECRET-${n}`]));
  const op = { id: "getThing", method: "GET", path: "/t", idempotent: true, errors: {} };
  const ctx = rt.createContext({ baseUrl: server.url, retry: { maxRetries: 0 } }, { codes: {} });
  server.script({ status: 401, headers: { ...sent, "x-request-id": "rid" }, body: { error: "no" } });
  const failed = await rt.send(ctx, op);
  expect(failed.error.headers["x-request-id"]).toBe("rid");
  expect(JSON.stringify(failed)).not.toContain("SECRET");
  server.script({ status: 200, headers: { ...sent, "x-ratelimit-remaining": "9" }, body: {} });
  const ok = await rt.send(ctx, op);
  expect(ok.headers["x-ratelimit-remaining"]).toBe("9");
  expect(JSON.stringify(ok)).not.toContain("SECRET");
});
