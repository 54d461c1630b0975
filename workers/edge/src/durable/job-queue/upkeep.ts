import type { Bindings } from "../../env.js";
import type { AlarmClock } from "./alarm-clock.js";
import { IDEMPOTENCY_TTL_MS } from "./create-job.js";
import type { JobTable } from "./job-table.js";
import { type Ledger, utcDay } from "./ledger.js";
import { cleanUpDue, type OutputCleanup } from "./output-cleanup.js";
import { sweepRetention } from "./retention.js";
import { handOffDue, type WebhookOutbox } from "./webhook-outbox.js";

const DAY_MS = 86_400_000;
/** Usage rows are read for today only; a month of them stays for operators. */
const USAGE_KEPT_DAYS = 31;

export interface UpkeepTables {
  jobs: JobTable;
  ledger: Ledger;
  outbox: WebhookOutbox;
  cleanup: OutputCleanup;
}

/**
 * The JobQueue's background work behind its one alarm, besides lease expiry (which the queue
 * sweeps itself before every runner step too): hand webhook events over, prune idempotency and
 * usage records, expire finished jobs past their retention, clean output prefixes; then set the
 * alarm for the earliest timer still pending. Outbox drains and cleanup passes run one at a time.
 */
export class Upkeep {
  private draining: Promise<void> | null = null;
  private cleaning: Promise<void> | null = null;

  constructor(
    private readonly env: Bindings,
    private readonly storage: DurableObjectStorage,
    private readonly tables: UpkeepTables,
    private readonly clock: AlarmClock,
  ) {}

  /** The alarm's work after the lease sweep. */
  async run(): Promise<void> {
    const { jobs, ledger, outbox, cleanup } = this.tables;
    await this.drainOutbox();
    const now = Date.now();
    ledger.prune(now - IDEMPOTENCY_TTL_MS, utcDay(now - USAGE_KEPT_DAYS * DAY_MS));
    const removed = await sweepRetention(this.env, { jobs, outbox, cleanup }, this.storage, now);
    if (removed > 0) this.wakeNow();
    await this.cleanUpOutputs(); // after retention: an expired video's objects go in this same alarm
    this.schedule();
  }

  /**
   * Run the alarm now: outbox or cleanup rows were written. The alarm is set in the same turn as
   * the rows (storage writes without an await between them commit together), so a crash right
   * after still drains them.
   */
  wakeNow(): void {
    this.clock.now();
  }

  /**
   * One alarm for every timer: the earliest lease expiry, outbox row due, cleanup row due, finished
   * job past its retention, and idempotency record to prune.
   */
  schedule(): void {
    const { jobs, ledger, outbox, cleanup } = this.tables;
    const oldestKey = ledger.oldestIdempotency();
    const times = [
      jobs.earliestLeaseExpiry(),
      outbox.earliestDue(),
      cleanup.earliestDue(),
      jobs.earliestExpiry(),
      oldestKey === null ? null : oldestKey + IDEMPOTENCY_TTL_MS,
    ].filter((t): t is number => t !== null);
    if (times.length > 0) this.clock.ensure(Math.min(...times));
  }

  /** Hand due outbox rows over (one drain at a time). */
  private drainOutbox(): Promise<void> {
    this.draining ??= handOffDue(this.tables.outbox, this.env).finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Clean due output prefixes (one pass at a time). */
  private cleanUpOutputs(): Promise<void> {
    this.cleaning ??= cleanUpDue(this.tables.cleanup, this.env).finally(() => {
      this.cleaning = null;
    });
    return this.cleaning;
  }
}
