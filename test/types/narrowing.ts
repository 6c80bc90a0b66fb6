// Compiled (never run) by test/types/narrowing.test.ts: what users write against a generated
// client must type-check, and what the spec rules out must not. Each @ts-expect-error is an
// assertion: tsc fails if the line it guards stops being an error.
import { createClient, unwrap, FaultlineError } from "../../generated-samples/cases/index.js";
import * as prompts from "../../generated-samples/prompts/index.js";

const api = createClient({ baseUrl: "http://127.0.0.1:1" });

export async function narrowing(): Promise<void> {
  const r = await api.createCase({ body: { instructions: "x" } });
  if (r.ok) {
    const status: 201 = r.status;
    void status;
    return;
  }
  const e = r.error;
  // An undocumented status may be anything (an undocumented 402 is billing), so narrow it away first.
  if (e.statusKey !== "undocumented" && e.category === "billing") {
    // On POST /cases only the usage cap is billing.
    const code: "USAGE_LIMIT_REACHED" = e.code;
    const status: 429 = e.status;
    const recovery: "upgrade-plan" = e.recovery;
    void [code, status, recovery];
  }
  if (e.statusKey === "429" && e.category === "retryable") {
    // The gateway's throttle: no documented code.
    const code: undefined = e.code;
    void code;
  }
  // @ts-expect-error POST /cases documents no 409
  if (e.statusKey === "409") void e;
  if (e.category === "billing") {
    // Without that, an undocumented status keeps the code open.
    const code: string | undefined = e.code;
    void code;
  }
  if (e.kind === "network") {
    const category: "retryable" = e.category;
    const status: undefined = e.status;
    void [category, status];
  }
  // Every variant carries these, without narrowing first.
  const common: [number | undefined, string, number, string | undefined, number | undefined] = [
    e.status,
    e.message,
    e.attempts,
    e.requestId,
    e.retryAfterMs,
  ];
  void common;
  // @ts-expect-error category is a closed set
  if (e.category === "fatal") void e;
}

export async function billingBlocks(): Promise<void> {
  const client = prompts.createClient({ baseUrl: "http://127.0.0.1:1" });
  const r = await client.getPrompt({ path: { promptId: "p" } });
  if (!r.ok && r.error.statusKey === "402") {
    const code: "DISPUTED" | "PAST_DUE" | undefined = r.error.code;
    const category: "billing" = r.error.category;
    void [code, category];
  }
  // @ts-expect-error getPrompt requires its path parameter
  await client.getPrompt({});
}

export async function throwing(): Promise<void> {
  try {
    const data = unwrap(await api.getCase({ path: { id: "c" } }));
    void data;
  } catch (error) {
    if (error instanceof FaultlineError) void [error.category, error.status, error.requestId];
  }
}
