// createClient({ auth }) against a loopback server, with the operation data the generator emits for
// test/fixtures/good/auth-schemes.yaml: each scheme kind, the root's alternatives (OR), an
// operation's override, `security: []`, a requirement of two schemes (AND), credential functions,
// and that no credential reaches another origin or an error object.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authFixtureData, startHandlerServer, type HandlerServer } from "./auth-fixture.js";
import { fakeClock } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let data: Awaited<ReturnType<typeof authFixtureData>>;
let server: HandlerServer;
let answer: (req: { url: string; headers: Record<string, unknown> }) => [number, object?, Record<string, string>?];
beforeAll(async () => {
  [rt, data] = await Promise.all([loadRuntime(), authFixtureData()]);
  server = await startHandlerServer((req) => answer(req));
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  answer = () => [200, { id: "s1" }];
});

const call = (name: string, auth: object, input: object = {}, options: object = {}) =>
  rt.send(
    rt.createContext({ baseUrl: server.url, auth, clock: fakeClock(), ...options }, data.api),
    data.operations[name],
    input,
  );
const sent = () =>
  server.seen.map((r) => ({
    url: r.url,
    authorization: r.headers.authorization,
    key: r.headers["x-api-key"],
    cookie: r.headers.cookie,
  }));
const ALL = {
  bearerAuth: "b-tok",
  basicAuth: { username: "u", password: "p" },
  apiKeyHeader: "h-key",
  apiKeyQuery: "q-key",
  apiKeyCookie: "c-val",
  oauth: "o-tok",
  oidc: "i-tok",
};

describe("auth per scheme and per operation", () => {
  it("bearer: Authorization: Bearer <token>; the root's first alternative wins when both are configured", async () => {
    await call("listSecrets", ALL);
    expect(sent()).toEqual([{ url: "/secrets", authorization: "Bearer b-tok", key: undefined, cookie: undefined }]);
  });

  it("OR: the first alternative whose schemes all have credentials", async () => {
    await call("listSecrets", { apiKeyHeader: "h-key" });
    expect(sent()).toEqual([{ url: "/secrets", authorization: undefined, key: "h-key", cookie: undefined }]);
  });

  it("basic: { username, password } as UTF-8 base64, or a preformatted value as is", async () => {
    await call("createSecret", { basicAuth: { username: "äda", password: "p:w" } }, { body: { name: "n" } });
    await call("createSecret", { basicAuth: "dTpw" }, { body: { name: "n" } });
    expect(sent().map((s) => s.authorization)).toEqual([
      `Basic ${Buffer.from("äda:p:w").toString("base64")}`,
      "Basic dTpw",
    ]);
  });

  it("an operation's own security overrides the root's: no basic credential, nothing sent", async () => {
    await call("createSecret", { bearerAuth: "b-tok", apiKeyHeader: "h-key" }, { body: {} });
    expect(sent()).toEqual([{ url: "/secrets", authorization: undefined, key: undefined, cookie: undefined }]);
  });

  it("security: [] sends no credential even when every scheme has one", async () => {
    await call("health", ALL);
    expect(sent()).toEqual([{ url: "/public/health", authorization: undefined, key: undefined, cookie: undefined }]);
  });

  it("AND: a query key and a cookie together, encoded; one of them alone is not enough", async () => {
    await call("signedDownload", { apiKeyQuery: "a&b=c", apiKeyCookie: "x; admin=1" });
    await call("signedDownload", { apiKeyQuery: "q-key" });
    expect(sent()).toEqual([
      {
        url: "/signed?api_key=a%26b%3Dc",
        authorization: undefined,
        key: undefined,
        cookie: "session=x%3B%20admin%3D1",
      },
      { url: "/signed", authorization: undefined, key: undefined, cookie: undefined },
    ]);
  });

  it("oauth2 and openIdConnect take a bearer token", async () => {
    await call("delegated", { oidc: "i-tok" });
    await call("delegated", { oauth: "o-tok", oidc: "i-tok" });
    expect(sent().map((s) => s.authorization)).toEqual(["Bearer i-tok", "Bearer o-tok"]);
  });

  it("sync and async credential functions are read on every attempt", async () => {
    let n = 0;
    answer = () => (server.seen.length === 1 ? [503, {}] : [200, {}]);
    const r = await call("listSecrets", { bearerAuth: async () => `t${++n}`, apiKeyHeader: () => "h" });
    expect(r.ok).toBe(true);
    expect(sent().map((s) => s.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("a credential function that throws is a middleware error naming auth, not a rejection", async () => {
    const r = await call("listSecrets", { bearerAuth: async () => Promise.reject(new Error("vault sealed")) });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({
      kind: "middleware",
      hook: "auth",
      category: "terminal",
      attempts: 0,
      operation: "listSecrets",
    });
    expect(r.error.message).toContain("vault sealed");
    expect(server.seen).toHaveLength(0);
  });
});

describe("credentials stay with the API", () => {
  it("a cross-origin redirect carries neither the query key, the cookie nor the headers", async () => {
    const other = await startHandlerServer(() => [200, { id: "elsewhere" }]);
    try {
      answer = () => [302, {}, { location: `${other.url}/landing` }];
      const r = await call("signedDownload", { apiKeyQuery: "q-key", apiKeyCookie: "c-val" });
      expect(r.ok).toBe(true);
      expect(sent()[0]!.url).toBe("/signed?api_key=q-key");
      expect(other.seen.map((s) => [s.url, s.headers.cookie])).toEqual([["/landing", undefined]]);
    } finally {
      await other.close();
    }
  });

  it("no error object holds a credential: HTTP errors and network errors", async () => {
    answer = () => [401, { error: "expired" }, { "www-authenticate": "Bearer" }];
    const http = await call("signedDownload", { apiKeyQuery: "q-secret", apiKeyCookie: "c-secret" });
    const closed = await startHandlerServer(() => [200]);
    await closed.close();
    const network = await call(
      "signedDownload",
      { apiKeyQuery: "q-secret", apiKeyCookie: "c-secret" },
      {},
      { baseUrl: closed.url, retry: { maxRetries: 0 } },
    );
    expect([http.error.kind, network.error.kind]).toEqual(["http", "network"]);
    for (const error of [http.error, network.error])
      expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/secret/);
  });
});

describe("default baseUrl", () => {
  it("is the spec's first absolute server URL", () => {
    expect(rt.createContext({}, data.api).baseUrl).toBe("https://vault.example.com:8443/v2");
  });

  it("is required, with a clear TypeError at createContext, when the spec names none", () => {
    const { baseUrl: _none, ...api } = data.api;
    expect(() => rt.createContext({}, api)).toThrow(
      new TypeError(
        'faultline: baseUrl is required: the spec names no absolute server URL; pass createClient({ baseUrl: "https://..." })',
      ),
    );
  });

  it("a given baseUrl beats the spec's", async () => {
    const r = await rt.send(rt.createContext({ baseUrl: server.url }, data.api), data.operations.health, {});
    expect(r.ok).toBe(true);
    expect(server.seen).toHaveLength(1);
  });
});
