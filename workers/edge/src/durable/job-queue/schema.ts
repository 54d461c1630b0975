/**
 * The JobQueue's SQLite schema. Idempotent: `migrateSchema` runs in the constructor of every
 * instance (shards and the legacy `global` queue alike), so a queue created before a table or column
 * existed gains it there (a column backfilled) before the first request.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  status TEXT NOT NULL,
  cache_key TEXT NOT NULL,
  share_id TEXT NOT NULL UNIQUE,
  lease_expires_at INTEGER,
  doc TEXT NOT NULL,
  created_ms INTEGER,
  expires_ms INTEGER
);
CREATE INDEX IF NOT EXISTS jobs_queue ON jobs (model_id, status, seq);
CREATE INDEX IF NOT EXISTS jobs_cache ON jobs (tenant_id, cache_key, status);
CREATE INDEX IF NOT EXISTS jobs_leases ON jobs (status, lease_expires_at);
CREATE INDEX IF NOT EXISTS jobs_tenant_status ON jobs (tenant_id, status);
CREATE TABLE IF NOT EXISTS idempotency (
  tenant_id TEXT NOT NULL,
  key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  video_id TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX IF NOT EXISTS idempotency_age ON idempotency (created_at);
CREATE TABLE IF NOT EXISTS usage (
  tenant_id TEXT NOT NULL,
  day TEXT NOT NULL,
  compute_units INTEGER NOT NULL DEFAULT 0,
  videos_created INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day)
);
CREATE TABLE IF NOT EXISTS webhook_subscribers (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id TEXT NOT NULL,
  webhook_url TEXT NOT NULL,
  metadata TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_subscribers_job ON webhook_subscribers (job_id, seq);
CREATE TABLE IF NOT EXISTS webhook_outbox (
  id TEXT PRIMARY KEY,
  video_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (next_at);
CREATE INDEX IF NOT EXISTS webhook_outbox_video ON webhook_outbox (video_id);
CREATE TABLE IF NOT EXISTS output_cleanup (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  video_id TEXT NOT NULL UNIQUE,
  output_prefix TEXT NOT NULL,
  keep TEXT NOT NULL,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS output_cleanup_due ON output_cleanup (next_at);
`;

/** Columns added after the first release, with how to fill them from a row's JSON document. */
const ADDED_COLUMNS = ["created_ms", "expires_ms"] as const;

/** Indexes on the added columns (created once the columns exist). */
const INDEXES = `
DROP INDEX IF EXISTS jobs_tenant;
CREATE INDEX IF NOT EXISTS jobs_tenant_created ON jobs (tenant_id, created_ms, seq);
CREATE INDEX IF NOT EXISTS jobs_expiry ON jobs (expires_ms);
`;

/**
 * Create or migrate the schema. Rows from before `created_ms`/`expires_ms` get them from their
 * document: created from `created_at`, expiry `defaultRetentionMs` after it (their tier is unknown).
 */
export function migrateSchema(sql: SqlStorage, defaultRetentionMs: number): void {
  sql.exec(TABLES);
  const columns = new Set(
    sql
      .exec<{ name: string }>("SELECT name FROM pragma_table_info('jobs')")
      .toArray()
      .map((c) => c.name),
  );
  for (const column of ADDED_COLUMNS)
    if (!columns.has(column)) sql.exec(`ALTER TABLE jobs ADD COLUMN ${column} INTEGER`);
  sql.exec(INDEXES);
  const stale = sql.exec<{ id: string; doc: string }>("SELECT id, doc FROM jobs WHERE created_ms IS NULL").toArray();
  for (const row of stale) {
    const created = Date.parse((JSON.parse(row.doc) as { created_at: string }).created_at);
    sql.exec(
      "UPDATE jobs SET created_ms = ?, expires_ms = COALESCE(expires_ms, ?) WHERE id = ?",
      created,
      created + defaultRetentionMs,
      row.id,
    );
  }
}
