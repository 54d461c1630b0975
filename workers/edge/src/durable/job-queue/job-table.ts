import type { JobState } from "@sketchreel/contract";
import type { JobRecord } from "../../jobs/job-record.js";

type Row = { seq: number; doc: string };

/**
 * A position in a tenant's list, which is ordered newest first by (creation ms, shard rank, seq):
 * seq keeps a shard's insertion order among jobs of the same millisecond, the rank (−1 for the
 * legacy queue, else the shard number) orders shards. Rows strictly after it are older.
 */
export interface ListPosition {
  createdMs: number;
  rank: number;
  seq: number;
}

const TERMINAL = "('succeeded', 'failed', 'canceled')";

/** Typed access to the `jobs` table: a JSON document per job plus the columns queries need. */
export class JobTable {
  constructor(private readonly sql: SqlStorage) {}

  insert(job: JobRecord): void {
    this.sql.exec(
      "INSERT INTO jobs (id, tenant_id, model_id, status, cache_key, share_id, lease_expires_at, doc, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      job.id,
      job.tenant_id,
      job.model.id,
      job.status,
      job.cache_key,
      job.share_id,
      null,
      JSON.stringify(job),
      Date.parse(job.created_at),
      job.expires_ms ?? null,
    );
  }

  /** Persist a changed job, bumping its version. */
  save(job: JobRecord): JobRecord {
    job.version += 1;
    this.sql.exec(
      "UPDATE jobs SET status = ?, lease_expires_at = ?, doc = ? WHERE id = ?",
      job.status,
      job.status === "running" ? (job.lease?.expires_at ?? null) : null,
      JSON.stringify(job),
      job.id,
    );
    return job;
  }

  delete(id: string): void {
    this.sql.exec("DELETE FROM jobs WHERE id = ?", id);
  }

  get(id: string): JobRecord | null {
    return this.first(this.sql.exec<Row>("SELECT seq, doc FROM jobs WHERE id = ?", id));
  }

  /** A tenant's job; another tenant's id reads as absent. */
  getForTenant(tenantId: string, id: string): JobRecord | null {
    return this.first(this.sql.exec<Row>("SELECT seq, doc FROM jobs WHERE id = ? AND tenant_id = ?", id, tenantId));
  }

  byShareId(shareId: string): JobRecord | null {
    return this.first(this.sql.exec<Row>("SELECT seq, doc FROM jobs WHERE share_id = ?", shareId));
  }

  /** A tenant's jobs on this shard (of list rank `rank`), newest first, strictly after `after`. */
  listForTenant(
    tenantId: string,
    limit: number,
    rank: number,
    after: ListPosition | null,
    status?: JobState,
  ): { job: JobRecord; at: ListPosition }[] {
    const where = ["tenant_id = ?"];
    const args: (string | number)[] = [tenantId];
    if (after) {
      // (created_ms, rank, seq) < (after.createdMs, after.rank, after.seq), with this shard's rank fixed.
      if (rank < after.rank) where.push("created_ms <= ?");
      else if (rank > after.rank) where.push("created_ms < ?");
      else where.push("(created_ms < ? OR (created_ms = ? AND seq < ?))");
      args.push(after.createdMs);
      if (rank === after.rank) args.push(after.createdMs, after.seq);
    }
    if (status) {
      where.push("status = ?");
      args.push(status);
    }
    const sql = `SELECT seq, created_ms, doc FROM jobs WHERE ${where.join(" AND ")} ORDER BY created_ms DESC, seq DESC LIMIT ?`;
    return this.sql
      .exec<Row & { created_ms: number }>(sql, ...args, limit)
      .toArray()
      .map((r) => ({ job: JSON.parse(r.doc) as JobRecord, at: { createdMs: r.created_ms, rank, seq: r.seq } }));
  }

  /** Whether any job of the tenant is stored here. */
  holdsTenant(tenantId: string): boolean {
    return this.sql.exec("SELECT 1 FROM jobs WHERE tenant_id = ? LIMIT 1", tenantId).toArray().length > 0;
  }

  /** The `limit` oldest queued jobs among `models`: FIFO per model (a requeued job keeps its place). */
  nextQueued(models: readonly string[], limit = 1): JobRecord[] {
    const marks = models.map(() => "?").join(", ");
    const sql = `SELECT seq, doc FROM jobs WHERE status = 'queued' AND model_id IN (${marks}) ORDER BY seq LIMIT ?`;
    return this.sql
      .exec<Row>(sql, ...models, limit)
      .toArray()
      .map((r) => JSON.parse(r.doc) as JobRecord);
  }

  /** The newest job of a tenant with this cache key in one of `statuses`. */
  byCacheKey(tenantId: string, cacheKey: string, statuses: readonly JobState[]): JobRecord | null {
    const marks = statuses.map(() => "?").join(", ");
    const sql = `SELECT seq, doc FROM jobs WHERE tenant_id = ? AND cache_key = ? AND status IN (${marks}) ORDER BY seq DESC LIMIT 1`;
    return this.first(this.sql.exec<Row>(sql, tenantId, cacheKey, ...statuses));
  }

  countActive(tenantId: string): number {
    const sql = "SELECT COUNT(*) AS n FROM jobs WHERE tenant_id = ? AND status IN ('queued', 'running')";
    return this.sql.exec<{ n: number }>(sql, tenantId).one().n;
  }

  countByStatus(status: JobState): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status = ?", status).one().n;
  }

  expiredLeases(now: number): JobRecord[] {
    const sql = "SELECT seq, doc FROM jobs WHERE status = 'running' AND lease_expires_at <= ? ORDER BY seq";
    return this.sql
      .exec<Row>(sql, now)
      .toArray()
      .map((r) => JSON.parse(r.doc) as JobRecord);
  }

  earliestLeaseExpiry(): number | null {
    const sql = "SELECT MIN(lease_expires_at) AS t FROM jobs WHERE status = 'running'";
    return this.sql.exec<{ t: number | null }>(sql).one().t ?? null;
  }

  /** Finished jobs past their retention, oldest expiry first. */
  expired(now: number, limit: number): JobRecord[] {
    const sql = `SELECT seq, doc FROM jobs WHERE expires_ms <= ? AND status IN ${TERMINAL} ORDER BY expires_ms LIMIT ?`;
    return this.sql
      .exec<Row>(sql, now, limit)
      .toArray()
      .map((r) => JSON.parse(r.doc) as JobRecord);
  }

  /** When the next finished job runs out of retention (queued and running jobs wait until they end). */
  earliestExpiry(): number | null {
    const sql = `SELECT MIN(expires_ms) AS t FROM jobs WHERE status IN ${TERMINAL}`;
    return this.sql.exec<{ t: number | null }>(sql).one().t ?? null;
  }

  private first(cursor: SqlStorageCursor<Row>): JobRecord | null {
    const row = cursor.toArray()[0];
    return row ? (JSON.parse(row.doc) as JobRecord) : null;
  }
}
