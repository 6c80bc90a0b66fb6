// A size-bounded map that forgets the least recently used entries first: what format-memo.ts
// remembers across --watch saves must not grow without bound.
/** Least recently used first: Map keeps insertion order, and a hit is re-inserted. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    this.entries.set(key, value);
    this.size += this.sizeOf(key, value);
    for (const [oldest, old] of this.entries) {
      if (this.size <= this.maxSize || oldest === key) break;
      this.entries.delete(oldest);
      this.size -= this.sizeOf(oldest, old);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.size -= this.sizeOf(key, value);
  }
}
