// Promise.all rejects at the first failure while the other steps still run; a file-system step
// that must be undone, or reported in a fixed order, needs every step finished first.

/** Waits for every promise, then fails with the first failure in the given order. */
export async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
