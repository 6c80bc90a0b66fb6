// Retry defaults from faultline.config.json sit under the spec's own root x-faultline-retry:
// the API's authors know their limits better than a build script does, so every field the spec
// sets wins, and the config fills in only what the spec leaves out (per byStatus key as well).
import type { ApiIR, RetryAdviceIR } from "../ir.js";

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]!]),
  );
}

export function mergeRetryAdvice(
  under: RetryAdviceIR | undefined,
  over: RetryAdviceIR | undefined,
): RetryAdviceIR | undefined {
  if (!under) return over;
  if (!over) return under;
  const { byStatus: underByStatus, ...underFields } = under;
  const { byStatus: overByStatus, ...overFields } = over;
  const merged: RetryAdviceIR = { ...underFields, ...overFields };
  if (underByStatus || overByStatus) {
    const keys = new Set([...Object.keys(underByStatus ?? {}), ...Object.keys(overByStatus ?? {})]);
    merged.byStatus = sortedKeys(
      Object.fromEntries([...keys].map((k) => [k, { ...underByStatus?.[k], ...overByStatus?.[k] }])),
    );
  }
  return merged;
}

export function withRetryDefaults(api: ApiIR, defaults: RetryAdviceIR | undefined): ApiIR {
  const retry = mergeRetryAdvice(defaults, api.retry);
  return retry ? { ...api, retry } : api;
}
