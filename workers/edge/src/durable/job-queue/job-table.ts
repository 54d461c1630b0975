import type { JobState } from "@sketchreel/contract";
import type { JobRecord } from "../../jobs/job-record.js";

type Row = { seq: number; doc: string };

/** Typed access to the `jobs` table: a JSON document per job plus the columns queries need. */
export class JobTable {
  constructor(private readonly sql: SqlStorage) {}

  insert(job: JobRecord): void {
    this.sql.exec(
      "INSERT INTO jobs (id, tenant_id, model_id, status, cache_key, share_id, lease_expires_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      job.id,
      job.tenant_id,
      job.model.id,
      job.status,
      job.cache_key,
      job.share_id,
      null,
      JSON.stringify(job),
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

  /** Newest first; `beforeSeq` is the cursor. */
  listForTenant(
    tenantId: string,
    limit: number,
    beforeSeq: number,
    status?: JobState,
  ): { jobs: JobRecord[]; seqs: number[] } {
    const rows = status
      ? this.sql.exec<Row>(
          "SELECT seq, doc FROM jobs WHERE tenant_id = ? AND seq < ? AND status = ? ORDER BY seq DESC LIMIT ?",
          tenantId,
          beforeSeq,
          status,
          limit,
        )
      : this.sql.exec<Row>(
          "SELECT seq, doc FROM jobs WHERE tenant_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
          tenantId,
          beforeSeq,
          limit,
        );
    const all = rows.toArray();
    return { jobs: all.map((r) => JSON.parse(r.doc) as JobRecord), seqs: all.map((r) => r.seq) };
  }

  /** Oldest queued job among `models`: FIFO per model (a requeued job keeps its place). */
  nextQueued(models: readonly string[]): JobRecord | null {
    const marks = models.map(() => "?").join(", ");
    const sql = `SELECT seq, doc FROM jobs WHERE status = 'queued' AND model_id IN (${marks}) ORDER BY seq LIMIT 1`;
    return this.first(this.sql.exec<Row>(sql, ...models));
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

  /** Sequence number of a job (the list cursor). */
  seqOf(id: string): number | null {
    return this.sql.exec<{ seq: number }>("SELECT seq FROM jobs WHERE id = ?", id).toArray()[0]?.seq ?? null;
  }

  private first(cursor: SqlStorageCursor<Row>): JobRecord | null {
    const row = cursor.toArray()[0];
    return row ? (JSON.parse(row.doc) as JobRecord) : null;
  }
}
