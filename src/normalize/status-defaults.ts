// What a status means when nothing more specific is known. ONE table for the generator and the
// runtime: runtime-files.ts renders it into the runtime's verdict.ts, so the two cannot disagree.
import type { Category, Recovery } from "../ir.js";

/** Exact statuses, then the "4XX" / "5XX" fallbacks. Unknown 5xx (520-529) are transient; 501 and 505 never heal. */
export const STATUS_DEFAULTS: Readonly<Record<string, readonly [Category, Recovery]>> = {
  "401": ["terminal", "reauthenticate"],
  "402": ["billing", "upgrade-plan"],
  "403": ["terminal", "check-permissions"],
  "404": ["terminal", "check-resource"],
  "407": ["terminal", "reauthenticate"],
  "408": ["retryable", "retry-with-backoff"],
  "409": ["terminal", "refresh-and-retry"],
  "410": ["terminal", "check-resource"],
  "412": ["terminal", "refresh-and-retry"],
  "425": ["retryable", "retry-with-backoff"],
  "428": ["terminal", "refresh-and-retry"],
  "429": ["retryable", "wait-and-retry"],
  "501": ["terminal", "contact-support"],
  "505": ["terminal", "contact-support"],
  "4XX": ["terminal", "fix-request"],
  "5XX": ["retryable", "retry-with-backoff"],
};

function entry(status: number): readonly [Category, Recovery] {
  return STATUS_DEFAULTS[String(status)] ?? STATUS_DEFAULTS[status >= 500 ? "5XX" : "4XX"]!;
}

export function categoryForStatus(status: number): Category {
  return entry(status)[0];
}

export function recoveryForStatus(status: number): Recovery {
  return entry(status)[1];
}
