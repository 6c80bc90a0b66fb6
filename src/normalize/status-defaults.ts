// What a status means when nothing more specific is known. The runtime template carries the
// same table for statuses a spec does not document; test/normalize keeps the two in step.
import type { Category, Recovery } from "../ir.js";

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

export function categoryForStatus(status: number): Category {
  if (RETRYABLE.has(status)) return "retryable";
  if (status === 402) return "billing";
  return "terminal";
}

export function recoveryForStatus(status: number): Recovery {
  switch (status) {
    case 401:
    case 407:
      return "reauthenticate";
    case 402:
      return "upgrade-plan";
    case 403:
      return "check-permissions";
    case 404:
    case 410:
      return "check-resource";
    case 409:
    case 412:
    case 428:
      return "refresh-and-retry";
    case 429:
      return "wait-and-retry";
    case 408:
    case 425:
    case 500:
    case 502:
    case 503:
    case 504:
      return "retry-with-backoff";
    default:
      return status >= 500 ? "contact-support" : "fix-request";
  }
}
