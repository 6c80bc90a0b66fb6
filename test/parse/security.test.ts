// What the generator hands the runtime for auth and the default baseUrl: the security schemes a
// client can fill in, each operation's requirements (own or the root's), and the first absolute
// server URL with its variables at their defaults.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operationData } from "../../src/emit/client/operation-specs.js";
import { generateIr } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/good/auth-schemes.yaml");

async function dataOf(file: string) {
  const spec = await loadSpec(file);
  const { api, classified } = generateIr(spec);
  return { ir: api, ...operationData(api, classified) };
}

function specFile(document: object): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "faultline-security-")), "openapi.json");
  writeFileSync(file, JSON.stringify(document));
  return file;
}
const ok = { "200": { description: "ok" } };

describe("security schemes and requirements", () => {
  it("keeps every scheme a client can fill in, by kind, and drops digest and mutualTLS", async () => {
    const { api } = await dataOf(FIXTURE);
    expect(api.schemes).toEqual({
      apiKeyCookie: { kind: "apiKey", in: "cookie", param: "session" },
      apiKeyHeader: { kind: "apiKey", in: "header", param: "X-API-Key" },
      apiKeyQuery: { kind: "apiKey", in: "query", param: "api_key" },
      basicAuth: { kind: "basic" },
      bearerAuth: { kind: "bearer" },
      oauth: { kind: "bearer" },
      oidc: { kind: "bearer" },
    });
  });

  it("gives the root requirements once and an operation's only where it overrides them", async () => {
    const { api, operations } = await dataOf(FIXTURE);
    expect(api.security).toEqual([["bearerAuth"], ["apiKeyHeader"]]);
    expect(operations.listSecrets!.security).toBeUndefined();
    expect(operations.createSecret!.security).toEqual([["basicAuth"]]);
    expect(operations.health!.security).toEqual([]);
    // The digest alternative can never be met; the query key and cookie go together (AND).
    expect(operations.signedDownload!.security).toEqual([["apiKeyCookie", "apiKeyQuery"]]);
    // {} (anonymous allowed) is what happens anyway when no credential is configured.
    expect(operations.delegated!.security).toEqual([["oauth"], ["oidc"]]);
  });

  it("reads Swagger 2.0 securityDefinitions through the conversion", async () => {
    const file = specFile({
      swagger: "2.0",
      info: { title: "S2", version: "1" },
      host: "api.s2.example",
      basePath: "/v1",
      schemes: ["https"],
      securityDefinitions: { key: { type: "apiKey", in: "query", name: "token" }, login: { type: "basic" } },
      security: [{ key: [] }],
      paths: { "/a": { get: { operationId: "getA", security: [{ login: [] }], responses: ok } } },
    });
    const { api, operations } = await dataOf(file);
    expect(api.schemes).toEqual({ key: { kind: "apiKey", in: "query", param: "token" }, login: { kind: "basic" } });
    expect(api.security).toEqual([["key"]]);
    expect(operations.getA!.security).toEqual([["login"]]);
    expect(api.baseUrl).toBe("https://api.s2.example/v1");
  });
});

describe("default baseUrl", () => {
  it("is the first absolute server, variables at their defaults, trailing slash dropped", async () => {
    const { api } = await dataOf(FIXTURE);
    expect(api.baseUrl).toBe("https://vault.example.com:8443/v2");
  });

  it.each([
    ["only relative servers", [{ url: "/v1" }, { url: "v2/api" }]],
    [
      "a variable without a default",
      [{ url: "https://{region}.example.com", variables: { region: { enum: ["eu"] } } }],
    ],
    ["credentials in the URL", [{ url: "https://user:secret@api.example.com" }]],
    ["no servers", undefined],
  ])("is absent with %s", async (_name, servers) => {
    const { api } = await dataOf(
      specFile({ openapi: "3.0.3", info: { title: "t", version: "1" }, ...(servers ? { servers } : {}), paths: {} }),
    );
    expect(api.baseUrl).toBeUndefined();
  });
});
