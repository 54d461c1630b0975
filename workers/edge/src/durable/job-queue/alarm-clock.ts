/**
 * The JobQueue's one alarm, serving every timer (lease expiry, outbox, retention, pruning). It
 * remembers the time it last set or read, so asking for an alarm "no later than t" after each
 * transition costs no storage read, and nothing is awaited (storage writes made without an
 * await commit with the transaction around them).
 */
export class AlarmClock {
  /** Undefined until read from storage; null while none is set. */
  private at: number | null | undefined;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** Read the stored alarm once (the constructor's `blockConcurrencyWhile`). */
  async load(): Promise<void> {
    this.at = await this.storage.getAlarm();
  }

  /** The alarm is running: it is no longer set. */
  fired(): void {
    this.at = null;
  }

  /** Make sure the alarm fires no later than `at`. */
  ensure(at: number): void {
    if (this.at !== undefined && this.at !== null && this.at <= at) return;
    this.at = at;
    void this.storage.setAlarm(at);
  }

  /** Fire as soon as possible (rows to hand off), whatever was set. */
  now(): void {
    this.at = Date.now();
    void this.storage.setAlarm(this.at);
  }
}
