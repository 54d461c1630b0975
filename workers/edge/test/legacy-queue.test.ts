import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Lease, Video, VideoList } from "@sketchreel/contract";
import { canonicalJson, sha256Hex } from "@sketchreel/prompts";
import { expect, it } from "vitest";
import { randomBase62 } from "../src/crypto.js";
import type { JobQueue } from "../src/durable/job-queue/index.js";
import { migrateSchema } from "../src/durable/job-queue/schema.js";
import type { JobRecord } from "../src/jobs/job-record.js";
import { call, completeJob, createKey, json, leaseJob, PROMPT } from "./helpers.js";

/** The single queue of deployments from before sharding, and ids in its format (no shard tag). */
const legacyQueue = () => env.JOB_QUEUE.get(env.JOB_QUEUE.idFromName("global"));
const legacyId = (prefix: "vid" | "shr") => `${prefix}_${randomBase62(24)}`;

function legacyJob(tenant: string, seed: number): JobRecord {
  const id = legacyId("vid");
  return {
    id,
    tenant_id: tenant,
    key_id: "key_fromBeforeSharding",
    status: "queued",
    model: { id: "shape-world-tiny", version: "2.1.0" },
    prompt: PROMPT,
    negative_prompt: "",
    template: null,
    params: {
      width: 64,
      height: 64,
      num_frames: 16,
      fps: 8,
      num_inference_steps: 20,
      guidance_scale: 2,
      seed,
      scheduler: "unipc",
    },
    outputs_requested: ["mp4", "gif", "poster"],
    progress: { stage: "queued", step: 0, total_steps: 20 },
    outputs: [],
    error: null,
    attempts: 0,
    share_id: legacyId("shr"),
    webhook_url: null,
    metadata: {},
    created_at: new Date(Date.now() - 60_000).toISOString(),
    started_at: null,
    completed_at: null,
    output_prefix: `t/${tenant}/${id}/`,
    cache_key: `legacy-${seed}`,
    compute_units: 2,
    cancel_requested: false,
    lease: null,
    version: 0,
  };
}

const LIMITS = { maxConcurrentJobs: 3, dailyComputeUnits: 10, retentionDays: 30 };

// First in its file: nothing has polled the legacy queue yet in this isolate (a drained legacy
// queue leaves the runners' poll for good, since a deployment never queues anything there again).
it("keeps serving what the single `global` queue stored before sharding (the local .sketchreel/ state)", async () => {
  const key = await createKey({ tier: "free" }); // 3 active jobs, 10 units a day in the tests
  const body = { prompt: PROMPT };
  const bodyHash = await sha256Hex(canonicalJson(body));
  const [old1, old2] = [legacyJob(key.tenant, 11), legacyJob(key.tenant, 12)];
  const idempotency = { key: "before-the-upgrade", bodyHash };
  expect(await legacyQueue().createJob({ job: old1, seedFixed: true, idempotency, limits: LIMITS })).toMatchObject({
    ok: true,
    kind: "created",
  });
  expect(
    await legacyQueue().createJob({ job: old2, seedFixed: true, idempotency: null, limits: LIMITS }),
  ).toMatchObject({
    ok: true,
  });

  // Old ids (no shard tag) route to the legacy queue: the video, its share page.
  const got = await call(`/v1/videos/${old1.id}`, { headers: key.auth });
  expect(got.status).toBe(200);
  expect(((await got.json()) as Video).status).toBe("queued");
  expect((await call(`/embed/${old1.share_id}`, { headers: { "cf-connecting-ip": "198.51.100.9" } })).status).toBe(200);

  // The Idempotency-Key recorded there still replays (not a second video).
  const replay = await json("POST", "/v1/videos", body, { ...key.auth, "idempotency-key": "before-the-upgrade" });
  expect(replay.headers.get("idempotent-replayed")).toBe("true");
  expect(((await replay.json()) as Video).id).toBe(old1.id);

  // Its two active jobs there count against the tenant's cap of 3: one more, then 429.
  const third = await json("POST", "/v1/videos", { prompt: PROMPT, seed: 13 }, key.auth);
  expect(third.status).toBe(202);
  const newer = (await third.json()) as Video;
  const fourth = await json("POST", "/v1/videos", { prompt: PROMPT, seed: 14 }, key.auth);
  expect(fourth.status).toBe(429);
  expect(((await fourth.json()) as { code: string }).code).toBe("concurrency_limited");

  // The list merges both queues, newest first.
  const list = (await (await call("/v1/videos", { headers: key.auth })).json()) as VideoList;
  expect(list.data.map((v) => v.id)).toEqual([newer.id, old2.id, old1.id]);
  const usage = (await (await call("/v1/usage", { headers: key.auth })).json()) as {
    usage: { active_jobs: number; compute_units: number };
  };
  expect(usage.usage).toMatchObject({ active_jobs: 3, compute_units: 6 });

  // Runners still lease and complete the jobs queued before the upgrade, exactly once.
  for (const old of [old1, old2]) {
    const grant: Lease = await leaseJob(old.id);
    expect((await completeJob(grant)).status).toBe(200);
    expect((await completeJob(grant)).status).toBe(409);
  }
  const done = (await (await call(`/v1/videos/${old2.id}`, { headers: key.auth })).json()) as Video;
  expect(done).toMatchObject({ status: "succeeded", attempts: 1 });
  expect(await legacyQueue().isDrained()).toBe(true);
  await call(`/v1/videos/${newer.id}/cancel`, { method: "POST", headers: key.auth });
});

it("migrates a queue created before #17 in place: creation and expiry columns filled from each row", async () => {
  const stub = env.JOB_QUEUE.get(env.JOB_QUEUE.idFromName("schema-before-sharding"));
  const job = legacyJob("migrated", 21);
  const result = await runInDurableObject(stub, (_: JobQueue, state) => {
    const sql = state.storage.sql;
    // The jobs table exactly as the first release created it, with one row.
    sql.exec("DROP TABLE jobs");
    sql.exec(`CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, tenant_id TEXT NOT NULL,
      model_id TEXT NOT NULL, status TEXT NOT NULL, cache_key TEXT NOT NULL, share_id TEXT NOT NULL UNIQUE,
      lease_expires_at INTEGER, doc TEXT NOT NULL)`);
    sql.exec(
      "INSERT INTO jobs (id, tenant_id, model_id, status, cache_key, share_id, doc) VALUES (?, ?, ?, ?, ?, ?, ?)",
      job.id,
      job.tenant_id,
      job.model.id,
      job.status,
      job.cache_key,
      job.share_id,
      JSON.stringify(job),
    );
    migrateSchema(sql, 30 * 86_400_000);
    migrateSchema(sql, 30 * 86_400_000); // idempotent
    return sql.exec<{ created_ms: number; expires_ms: number }>("SELECT created_ms, expires_ms FROM jobs").toArray();
  });
  const created = Date.parse(job.created_at);
  expect(result).toEqual([{ created_ms: created, expires_ms: created + 30 * 86_400_000 }]);
});
