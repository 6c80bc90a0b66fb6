// When is a save over? An editor writes a file in one to three syscalls (write, truncate + write,
// or write-temp + rename) within a few ms, and each is a file-system event: a save is over once
// no event has come for the debounce time. Waiting for that before reading would add the whole
// debounce to every save, so watch reads and generates once events pause for a moment (the
// truncate and the write of an in-place save come microseconds apart; reading between them sees
// an empty or half-written file), and writes only once the save is over (`quiet`); events that
// came after the read (`eventSince`) make it check whether what it read changed, and redo it if so.

export type Settled<T> = { value: T } | { error: unknown };

/** How long events must pause before watch reads: enough for the syscalls of one write, far less than the debounce. */
const READ_PAUSE_MS = 2;

export class SaveSettler {
  private firstEventAt: number | undefined;
  private lastEventAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(private readonly quietMs: number) {}

  /** A file-system event for one of the target's files. */
  noteEvent(): void {
    const now = performance.now();
    this.firstEventAt ??= now;
    this.lastEventAt = now;
  }

  /** Whether an event came after `time` (a `performance.now()` reading). */
  eventSince(time: number): boolean {
    return this.lastEventAt !== undefined && this.lastEventAt > time;
  }

  /** Resolves true once no event has come for `ms` (the debounce time by default); false if closed first. */
  quiet(ms = this.quietMs): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        const idle = this.lastEventAt === undefined ? Infinity : performance.now() - this.lastEventAt;
        if (this.closed || idle >= ms) {
          this.wake = undefined;
          resolve(!this.closed);
        } else {
          this.timer = setTimeout(check, Math.ceil(ms - idle));
        }
      };
      this.wake = check;
      check();
    });
  }

  /**
   * Runs `attempt` now, and again for as long as events after its read changed what it read
   * (`unchanged` re-reads; a failed attempt cannot tell, so any later event redoes it). Resolves
   * with the last attempt's result once the save is over, or undefined if closed first.
   */
  async settle<T>(attempt: () => Promise<T>, unchanged: (value: T) => boolean): Promise<Settled<T> | undefined> {
    for (;;) {
      if (!(await this.quiet(READ_PAUSE_MS))) return undefined;
      let verifiedAt = performance.now();
      const result: Settled<T> = await attempt().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      const stale = () => {
        if (!this.eventSince(verifiedAt)) return false;
        const checkedAt = performance.now();
        if (!("value" in result) || !unchanged(result.value)) return true;
        verifiedAt = checkedAt;
        return false;
      };
      // Checked before waiting too: a save that was still being written is redone right away.
      if (stale()) continue;
      if (!(await this.quiet())) return undefined;
      if (stale()) continue;
      return result;
    }
  }

  /** When the save being written began (its first event), and a fresh start for the next one. */
  takeSaveStart(): number | undefined {
    const start = this.firstEventAt;
    this.firstEventAt = undefined;
    return start;
  }

  /** Stops waiting: a pending `quiet()` resolves false at once. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.wake?.();
  }
}
