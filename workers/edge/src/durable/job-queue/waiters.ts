/** In-memory wake-ups for long polls: lease waiters per model, watchers per job. */
export class Waiters<K> {
  private readonly waiting = new Map<K, Set<() => void>>();

  /** Resolve after `wake(key)` for any of `keys`, or after `ms`. */
  wait(keys: readonly K[], ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        for (const key of keys) this.waiting.get(key)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      for (const key of keys) {
        const set = this.waiting.get(key) ?? new Set();
        this.waiting.set(key, set);
        set.add(done);
      }
    });
  }

  /** Wake one waiter of `key` (a new queued job for one runner). */
  wakeOne(key: K): void {
    const first = this.waiting.get(key)?.values().next().value;
    first?.();
  }

  /** Wake every waiter of `key` (a job changed: all its watchers). */
  wakeAll(key: K): void {
    for (const done of [...(this.waiting.get(key) ?? [])]) done();
  }
}
