import { env } from "cloudflare:workers";
import type { Lease, Video, VideoList } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { homeShard, shardTag } from "../src/durable/shards/shard-map.js";
import type { Bindings } from "../src/env.js";
import { call, completeJob, createKey, createVideo, drainQueue, json, RUNNER, uniqueTenant } from "./helpers.js";

const counts = () => readConfig(env as Bindings).queueShards;

/** A fresh tenant whose home is `shard` (tenants are hashed onto the shards). */
function tenantOn(shard: number): string {
  for (;;) {
    const tenant = uniqueTenant(`s${shard}`);
    if (homeShard(tenant, counts()) === shard) return tenant;
  }
}

async function leaseBatch(maxJobs: number, waitMs = 0) {
  const res = await json(
    "POST",
    "/internal/runners/lease",
    { runner_id: "batch-runner", models: ["shape-world-tiny"], wait_ms: waitMs, max_jobs: maxJobs },
    RUNNER,
  );
  if (res.status === 204) return [];
  expect(res.status).toBe(200);
  const { more_leases, ...first } = (await res.json()) as Lease;
  return [first, ...(more_leases ?? [])];
}

describe("JobQueue shards", () => {
  it("keeps each tenant on its home shard: both ids carry its tag, and every route finds them by it", async () => {
    expect(counts()).toEqual([4]);
    for (const shard of [0, 1, 2, 3]) {
      const key = await createKey({ tenant: tenantOn(shard) });
      const { res, body } = await createVideo(key);
      expect(res.status).toBe(202);
      expect(body.id.slice(4, 6)).toBe(shardTag(shard));
      expect(body.share?.id.slice(4, 6)).toBe(shardTag(shard));
      expect((await call(`/v1/videos/${body.id}`, { headers: key.auth })).status).toBe(200);
      expect((await call(`/embed/${body.share?.id}`, { headers: { "cf-connecting-ip": "198.51.100.7" } })).status).toBe(
        200,
      );
      const canceled = await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
      expect(((await canceled.json()) as Video).status).toBe("canceled");
    }
  });

  it("answers 404 for an id whose tag names no shard of this deployment", async () => {
    const key = await createKey();
    const forged = `vid_0Z${"a".repeat(24)}`; // shard 35 of 4
    expect((await call(`/v1/videos/${forged}`, { headers: key.auth })).status).toBe(404);
    expect((await call(`/embed/shr_0Z${"a".repeat(24)}`)).status).toBe(404);
    const beat = await json(
      "POST",
      `/internal/jobs/${forged}/heartbeat`,
      { lease_id: "lse_whatever1", progress: { stage: "denoise", step: 1, total_steps: 2 } },
      RUNNER,
    );
    expect(beat.status).toBe(404);
  });

  it("grants a batched lease across shards, each job once, and a tenant's jobs in creation order", async () => {
    await drainQueue();
    const created = new Map<string, string[]>();
    for (const shard of [0, 1, 2, 3]) {
      const key = await createKey({ tenant: tenantOn(shard) });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await createVideo(key, { seed: 700 + i })).body.id);
      created.set(key.tenant, ids);
    }
    const granted: Lease[] = [];
    for (let grants = await leaseBatch(5); grants.length > 0; grants = await leaseBatch(5)) {
      expect(grants.length).toBeLessThanOrEqual(5);
      granted.push(...grants);
    }
    expect(granted).toHaveLength(12);
    expect(new Set(granted.map((g) => g.job.id)).size).toBe(12);
    for (const [tenant, ids] of created) {
      expect(granted.filter((g) => g.job.tenant_id === tenant).map((g) => g.job.id)).toEqual(ids);
    }
    for (const grant of granted) expect((await completeJob(grant)).status).toBe(200);
    for (const grant of granted) expect((await completeJob(grant)).status).toBe(409); // exactly once
  });

  it("long-polls every shard at once: a waiting runner gets a job created on any of them", async () => {
    await drainQueue();
    for (const shard of [3, 0]) {
      const key = await createKey({ tenant: tenantOn(shard) });
      const pending = leaseBatch(4, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { body } = await createVideo(key);
      const grants = await pending;
      expect(grants.map((g) => g.job.id)).toEqual([body.id]);
      await completeJob(grants[0]!);
    }
  });

  it("lists a tenant's videos newest first across pages, from its one shard", async () => {
    const key = await createKey({ tenant: tenantOn(2) });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createVideo(key, { seed: 800 + i })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await call(`/v1/videos?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { headers: key.auth })
      ).json()) as VideoList;
      seen.push(...page.data.map((v) => v.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    for (const id of ids) await call(`/v1/videos/${id}/cancel`, { method: "POST", headers: key.auth });
  });
});
