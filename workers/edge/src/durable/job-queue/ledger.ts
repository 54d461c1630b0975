/** Daily usage per tenant and idempotency records, next to the jobs they guard (same transaction). */
export class Ledger {
  constructor(private readonly sql: SqlStorage) {}

  usage(tenantId: string, day: string): { compute_units: number; videos_created: number } {
    const sql = "SELECT compute_units, videos_created FROM usage WHERE tenant_id = ? AND day = ?";
    return (
      this.sql.exec<{ compute_units: number; videos_created: number }>(sql, tenantId, day).toArray()[0] ?? {
        compute_units: 0,
        videos_created: 0,
      }
    );
  }

  charge(tenantId: string, day: string, units: number): void {
    this.sql.exec(
      `INSERT INTO usage (tenant_id, day, compute_units, videos_created) VALUES (?, ?, ?, 1)
       ON CONFLICT (tenant_id, day) DO UPDATE SET compute_units = compute_units + excluded.compute_units,
       videos_created = videos_created + 1`,
      tenantId,
      day,
      units,
    );
  }

  /** The record of an Idempotency-Key younger than `notBefore` (older ones read as absent). */
  findIdempotent(tenantId: string, key: string, notBefore: number) {
    const sql =
      "SELECT body_hash, video_id, status_code FROM idempotency WHERE tenant_id = ? AND key = ? AND created_at >= ?";
    return (
      this.sql
        .exec<{ body_hash: string; video_id: string; status_code: number }>(sql, tenantId, key, notBefore)
        .toArray()[0] ?? null
    );
  }

  rememberIdempotent(
    tenantId: string,
    key: string,
    bodyHash: string,
    videoId: string,
    statusCode: number,
    now: number,
  ) {
    this.sql.exec(
      "INSERT OR REPLACE INTO idempotency (tenant_id, key, body_hash, video_id, status_code, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      tenantId,
      key,
      bodyHash,
      videoId,
      statusCode,
      now,
    );
  }

  /**
   * Forget idempotency records older than `notBefore` and usage days before `firstDay` (only
   * today's usage is ever read); the alarm calls this, so both tables stay bounded.
   */
  prune(notBefore: number, firstDay: string): void {
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", notBefore);
    this.sql.exec("DELETE FROM usage WHERE day < ?", firstDay);
  }

  /** When the oldest idempotency record stops counting (the next prune worth an alarm). */
  oldestIdempotency(): number | null {
    return this.sql.exec<{ t: number | null }>("SELECT MIN(created_at) AS t FROM idempotency").one().t ?? null;
  }

  /** Whether the tenant has an idempotency record since `notBefore` or usage on `day` here. */
  holdsTenantState(tenantId: string, notBefore: number, day: string): boolean {
    const keys = this.sql.exec(
      "SELECT 1 FROM idempotency WHERE tenant_id = ? AND created_at >= ? LIMIT 1",
      tenantId,
      notBefore,
    );
    if (keys.toArray().length > 0) return true;
    return (
      this.sql.exec("SELECT 1 FROM usage WHERE tenant_id = ? AND day = ? LIMIT 1", tenantId, day).toArray().length > 0
    );
  }

  /** Whether any tenant has an idempotency record since `notBefore` or usage on `day` here. */
  holdsAnyState(notBefore: number, day: string): boolean {
    if (this.sql.exec("SELECT 1 FROM idempotency WHERE created_at >= ? LIMIT 1", notBefore).toArray().length > 0) {
      return true;
    }
    return this.sql.exec("SELECT 1 FROM usage WHERE day = ? LIMIT 1", day).toArray().length > 0;
  }
}

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Seconds until the next UTC midnight (when the daily budget resets). */
export function secondsUntilUtcMidnight(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}
