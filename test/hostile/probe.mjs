// Child-process probe for a compiled generated client: import it, read its operation data back,
// call every client method against a stub fetch, and report whether any spec payload ran.
// Payloads set globalThis.__pwned or call process.exit(7); either shows up in the report.
const [indexJs] = process.argv.slice(2);
const mod = await import(new URL(`file://${indexJs}`).href);

const operations = {};
for (const [name, op] of Object.entries(mod.operations)) {
  const errors = {};
  for (const [key, rule] of Object.entries(op.errors)) {
    // Object.keys misses a "__proto__" code that became the prototype instead of a property.
    const codes = rule.codes ? Object.keys(rule.codes) : [];
    const protoCodes = rule.codes ? Object.getPrototypeOf(rule.codes) !== Object.prototype : false;
    errors[key] = { codes, protoCodes };
  }
  operations[name] = { method: op.method, path: op.path, errors };
}

const seen = [];
const stubFetch = async (url, init) => {
  seen.push({ url: String(url), method: init?.method });
  return new Response(JSON.stringify({ code: "STUB", message: "stubbed" }), {
    status: 400,
    headers: { "content-type": "application/json" },
  });
};
const client = mod.createClient({ baseUrl: "http://127.0.0.1:9/base", fetch: stubFetch, retry: { maxRetries: 0 } });
const methods = Object.keys(client);
const calls = [];
for (const method of methods) {
  const op = mod.operations[method];
  const pathParams = Object.fromEntries([...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => [m[1], "v"]));
  const result = await client[method]({ path: pathParams, headers: {}, body: {} });
  calls.push({
    method,
    url: seen.at(-1)?.url ?? "",
    ok: result.ok,
    kind: result.error?.kind,
    code: result.error?.code,
  });
}
process.stdout.write(JSON.stringify({ pwned: globalThis.__pwned ?? null, operations, methods, calls }));
