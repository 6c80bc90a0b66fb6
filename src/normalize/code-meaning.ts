// What an error code's words say about it, across APIs. APIs overload statuses (a 429 that is a
// monthly quota, a 402 that is the end customer's declined card), so the code's own words beat the
// status. ONE vocabulary: the generator reads it here, and runtime-files.ts renders it into the
// runtime (verdict.ts), which applies it to codes the spec never enumerated.
import type { Category, Recovery } from "../ir.js";

export interface CodeMeaning {
  category: Category;
  recovery: Recovery;
  /** The words that decided, for the reason text. */
  evidence: string;
  source: "name" | "description";
}

/**
 * Ordered: the first entry whose pattern matches decides. Patterns run on words() of the text.
 * `on`: n = a code's name, d = a code's description (generator), m = an error message (runtime:
 * only words that cannot be prose about something else).
 */
export const VOCABULARY: readonly { pattern: string; category: Category; recovery: Recovery; on: string }[] = [
  // A code named RATE_LIMITED stays a rate limit even if it says "upgrade for higher limits".
  {
    pattern: String.raw`\b(rate ?limit|throttl|too many requests|slow ?down|per (sec|second|min|minute)\b)`,
    category: "retryable",
    recovery: "wait-and-retry",
    on: "nm",
  },
  // The request's own payer (the end customer's card), not the caller's account.
  {
    pattern: String.raw`\b(card|declined?|insufficient funds|cvc|do not honou?r)\b`,
    category: "terminal",
    recovery: "use-another-payment-method",
    on: "nd",
  },
  // The caller's account: its payment method or standing.
  {
    pattern: String.raw`\b(payment|past ?due|overdue|disput|chargeback|invoice|billing (disabled|not enabled))`,
    category: "billing",
    recovery: "update-payment",
    on: "nd",
  },
  // The caller's plan, quota or credits.
  {
    pattern: String.raw`\b(plans?\b|quota|usage (cap|limit)|billing\b|subscription|tier\b|upgrade\b|spend(ing)? limit|credits? (exhausted|exceeded)|out of credit|credit balance|insufficient (balance|credit))`,
    category: "billing",
    recovery: "upgrade-plan",
    on: "nd",
  },
  // Messages are prose ("invalid billing address", "quota of 10 per minute"): only unmistakable phrases.
  {
    pattern: String.raw`\b(credit balance|spend(ing)? limit|billing details)\b`,
    category: "billing",
    recovery: "upgrade-plan",
    on: "m",
  },
  // Credentials the server does not accept.
  {
    pattern: String.raw`\b(unauthenticated|unauthori[sz]ed|authentication|not authed|login required|(invalid|expired|revoked|bad) (api )?(key|auth|token|credentials?)|(api )?(key|token) (invalid|expired|revoked))\b`,
    category: "terminal",
    recovery: "reauthenticate",
    on: "n",
  },
];

/** "USAGE_LIMIT_REACHED" and "usageLimitReached" both read as "usage limit reached". */
export function words(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .toLowerCase()
    .trim();
}

function read(text: string, on: string, source: CodeMeaning["source"]): CodeMeaning | undefined {
  for (const entry of VOCABULARY) {
    if (!entry.on.includes(on)) continue;
    const match = new RegExp(entry.pattern).exec(text);
    if (match) return { category: entry.category, recovery: entry.recovery, evidence: match[0].trim(), source };
  }
  return undefined;
}

/** The name decides first; only then do the description's money words count. */
export function codeMeaning(code: string, description: string | undefined): CodeMeaning | undefined {
  return read(words(code), "n", "name") ?? (description ? read(words(description), "d", "description") : undefined);
}
