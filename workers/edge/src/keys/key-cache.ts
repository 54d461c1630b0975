import type { KeyRecord } from "./key-record.js";

/**
 * A small per-isolate cache of key lookups (hash → record), so a hot key costs no KV read.
 * Entries live `ttlMs`; a revocation clears its own isolate's entry at once, and other isolates
 * within `ttlMs` (KV itself propagates in up to 60 s across locations).
 */
export class KeyCache {
  private readonly entries = new Map<string, { record: KeyRecord | null; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(hash: string, now = Date.now()): KeyRecord | null | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.record;
  }

  set(hash: string, record: KeyRecord | null, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, { record, until: now + this.ttlMs });
  }

  delete(hash: string): void {
    this.entries.delete(hash);
  }
}

/** Shared by every request of this isolate. Unknown keys are not cached (a typo should not stick). */
export const keyCache = new KeyCache(5_000);
