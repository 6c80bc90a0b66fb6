// The generated client's auth and baseUrl types, compiled with tsc --strict,
// noUncheckedIndexedAccess and exactOptionalPropertyTypes: `auth` takes the spec's scheme names
// (basic also { username, password }), a middleware error is part of every result, and baseUrl
// may be left out only when the spec names a server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { compileAll, generateInto } from "../hostile/compile-generated.js";
import { AUTH_FIXTURE } from "./auth-fixture.js";

const root = mkdtempSync(path.join(tmpdir(), "faultline-auth-types-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const usage = `import { createClient, type Middleware } from "./vault/index.js";
import { createClient as createMinimal } from "./minimal/index.js";

const logging: Middleware = {
  onRequest: ({ request, attempt }) => console.log(attempt, request.method, request.url),
  onRetry: ({ delayMs, error }) => console.log(delayMs, error.kind),
  onError: ({ operation, error }) => console.log(operation, error.category),
};
export const vault = createClient({
  auth: {
    bearerAuth: async () => "token",
    basicAuth: { username: "u", password: "p" },
    apiKeyQuery: () => "k",
    oidc: "t",
    refresh: async () => {},
  },
  middleware: [logging],
});
export const byDefault = createClient();
// @ts-expect-error: not a security scheme of this spec
createClient({ auth: { nope: "x" } });
// @ts-expect-error: a bearer token is a string
createClient({ auth: { bearerAuth: { username: "u", password: "p" } } });
// @ts-expect-error: digest cannot be filled in, so it is not offered
createClient({ auth: { digestAuth: "x" } });
// @ts-expect-error: this spec names no server, so baseUrl is required
createMinimal();
export const minimal = createMinimal({ baseUrl: "https://api.example.com" });

export async function kinds(): Promise<string> {
  const r = await vault.listSecrets(undefined, { middleware: [{ onResponse: ({ response }) => void response.status }] });
  if (r.ok) return "ok";
  if (r.error.kind === "middleware") return r.error.hook;
  return r.error.kind;
}
`;

it("compiles a client of every scheme kind under the strictest settings, and rejects wrong auth", async () => {
  await generateInto(AUTH_FIXTURE, path.join(root, "src", "vault"));
  await generateInto(
    path.resolve(import.meta.dirname, "../fixtures/good/minimal.yaml"),
    path.join(root, "src", "minimal"),
  );
  writeFileSync(path.join(root, "src", "usage.ts"), usage);
  expect(await compileAll(root)).toBe("");
}, 120_000);
