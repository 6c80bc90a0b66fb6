// Two generated clients each ship their own runtime copy; an app must catch both clients' errors in one place.
import { describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { renderRuntime, type Runtime } from "./render.js";

async function freshRuntime(): Promise<Runtime> {
  return import(pathToFileURL(join(renderRuntime(), "index.ts")).href);
}

const failed = {
  ok: false,
  error: { kind: "http", status: 503, message: "down", category: "retryable", attempts: 1, operation: "listThings" },
};

describe("FaultlineError across two runtime copies", () => {
  it("instanceof and isFaultlineError recognise the other client's errors", async () => {
    const [a, b] = await Promise.all([freshRuntime(), freshRuntime()]);
    expect(a.FaultlineError).not.toBe(b.FaultlineError); // really two copies
    let thrown: unknown;
    try {
      a.unwrap(failed);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(a.FaultlineError);
    expect(thrown instanceof b.FaultlineError).toBe(true);
    expect(b.isFaultlineError(thrown)).toBe(true);
    expect(a.isFaultlineError(thrown)).toBe(true);
  });

  it("plain errors and look-alikes are not faultline errors", async () => {
    const rt = await freshRuntime();
    const lookAlike = Object.assign(new Error("x"), { name: "FaultlineError", kind: "http" });
    for (const value of [new Error("x"), lookAlike, null, undefined, "FaultlineError", {}]) {
      expect(rt.isFaultlineError(value)).toBe(false);
      expect(value instanceof rt.FaultlineError).toBe(false);
    }
  });

  it("subclasses keep instanceof working for their own class only", async () => {
    const rt = await freshRuntime();
    class Sub extends rt.FaultlineError {}
    const sub = new Sub(failed.error);
    expect(sub instanceof rt.FaultlineError).toBe(true);
    expect(sub instanceof Sub).toBe(true);
    expect(new rt.FaultlineError(failed.error) instanceof Sub).toBe(false);
  });

  it("holds between two generated sample clients", async () => {
    const bots = await import("../../generated-samples/bots/index.js");
    const cases = await import("../../generated-samples/cases/index.js");
    const thrown = new bots.FaultlineError({ ...failed.error, statusKey: "503" } as never);
    expect(thrown instanceof cases.FaultlineError).toBe(true);
    expect(cases.isFaultlineError(thrown)).toBe(true);
  });
});
