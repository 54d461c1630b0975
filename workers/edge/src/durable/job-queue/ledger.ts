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

  findIdempotent(tenantId: string, key: string, notBefore: number) {
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", notBefore);
    const sql = "SELECT body_hash, video_id, status_code FROM idempotency WHERE tenant_id = ? AND key = ?";
    return (
      this.sql.exec<{ body_hash: string; video_id: string; status_code: number }>(sql, tenantId, key).toArray()[0] ??
      null
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
}

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Seconds until the next UTC midnight (when the daily budget resets). */
export function secondsUntilUtcMidnight(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}
