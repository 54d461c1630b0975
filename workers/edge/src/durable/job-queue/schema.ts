/** The JobQueue's SQLite schema. Idempotent: runs in the constructor of every instance. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  status TEXT NOT NULL,
  cache_key TEXT NOT NULL,
  share_id TEXT NOT NULL UNIQUE,
  lease_expires_at INTEGER,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_queue ON jobs (model_id, status, seq);
CREATE INDEX IF NOT EXISTS jobs_tenant ON jobs (tenant_id, seq);
CREATE INDEX IF NOT EXISTS jobs_cache ON jobs (tenant_id, cache_key, status);
CREATE INDEX IF NOT EXISTS jobs_leases ON jobs (status, lease_expires_at);
CREATE TABLE IF NOT EXISTS idempotency (
  tenant_id TEXT NOT NULL,
  key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  video_id TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key)
);
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
`;
