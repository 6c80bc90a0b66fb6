// What an error code's name and description say about it. APIs overload statuses (a 429 that is
// a monthly usage cap, a 403 that is a plan tier), so the code's own words beat the status.
import type { Category, Recovery } from "../ir.js";

export interface CodeMeaning {
  category: Category;
  recovery: Recovery;
  /** The words that decided, for the reason text. */
  evidence: string;
  source: "name" | "description";
}

const RATE_LIMIT = [/\brate ?limit/, /\bthrottl/, /\btoo many requests\b/, /\bslow ?down\b/];
const PAYMENT = [/\bpayment/, /\bpast ?due\b/, /\boverdue\b/, /\bdisput/, /\bchargeback/, /\binvoice/, /\bcard (?:declined|expired)\b/, /\binsufficient (?:funds|balance|credit)/];
const PLAN = [/\bplan\b/, /\bplans\b/, /\bquota/, /\busage (?:cap|limit)/, /\bbilling\b/, /\bsubscription/, /\btier\b/, /\bupgrade\b/, /\bspend(?:ing)? limit/, /\bcredits? (?:exhausted|exceeded)/, /\bout of credits?\b/];

/** "USAGE_LIMIT_REACHED" and "usageLimitReached" both read as "usage limit reached". */
function words(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[^A-Za-z0-9]+/g, " ").toLowerCase().trim();
}

function firstMatch(text: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return undefined;
}

function read(text: string, source: CodeMeaning["source"]): CodeMeaning | undefined {
  const payment = firstMatch(text, PAYMENT);
  if (payment) return { category: "billing", recovery: "update-payment", evidence: payment, source };
  const plan = firstMatch(text, PLAN);
  if (plan) return { category: "billing", recovery: "upgrade-plan", evidence: plan, source };
  return undefined;
}

/**
 * The name decides first: a code named RATE_LIMITED stays a rate limit even if its description
 * mentions upgrading for higher limits. Only then do billing words in the name or description count.
 */
export function codeMeaning(code: string, description: string | undefined): CodeMeaning | undefined {
  const name = words(code);
  const rate = firstMatch(name, RATE_LIMIT);
  if (rate) return { category: "retryable", recovery: "wait-and-retry", evidence: rate, source: "name" };
  return read(name, "name") ?? (description ? read(words(description), "description") : undefined);
}
