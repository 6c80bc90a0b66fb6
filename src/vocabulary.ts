// The closed sets faultline classifies into. The runtime template declares the same unions.
import type { Category, Recovery } from "./ir.js";

export const CATEGORIES: readonly Category[] = ["retryable", "terminal", "billing"];

export const RECOVERIES: readonly Recovery[] = [
  "retry-with-backoff",
  "wait-and-retry",
  "fix-request",
  "reauthenticate",
  "check-permissions",
  "check-resource",
  "refresh-and-retry",
  "upgrade-plan",
  "update-payment",
  "use-another-payment-method",
  "contact-support",
];

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
