import { runInDurableObject } from "cloudflare:test";
import type { WebhookDelivery } from "@sketchreel/contract";
import { afterEach, expect, it, vi } from "vitest";
import type { JobQueue } from "../src/durable/job-queue/index.js";
import type { StoredOutput } from "../src/jobs/job-record.js";
import { call, completeJob, createKey, createVideo, leaseJob, outputsFor, queueOf } from "./helpers.js";
import { interceptReceiver } from "./receiver.js";

const RECEIVER = "https://hooks.example.com/count";

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * "Nothing lost", counted: 35 webhook messages (20 jobs, 10 twins attached to them, 5 cache hits)
 * through a receiver that answers every message's first attempt 500 and drops the connection on its
 * second, with the JobQueue crashing right after committing 10 of the completions. Every message
 * must be delivered exactly once on its third attempt, and no handoff may be left behind.
 */
it("delivers every webhook message through receiver failures and a JobQueue crash", async () => {
  const attemptsById = new Map<string, number>();
  const received = interceptReceiver(RECEIVER, (_n, _url, headers) => {
    const id = headers["webhook-id"] ?? "";
    const n = (attemptsById.get(id) ?? 0) + 1;
    attemptsById.set(id, n);
    return n === 1 ? 500 : n === 2 ? "drop" : 204;
  });
  const key = await createKey();
  const videos: string[] = [];
  const create = async (i: number) => {
    const { body } = await createVideo(key, {
      seed: 100 + i,
      webhook_url: `${RECEIVER}/job`,
      metadata: { n: String(i) },
    });
    videos.push(body.id);
  };
  for (let i = 0; i < 10; i++) await create(i);
  for (let i = 0; i < 10; i++) {
    const twin = await createVideo(key, {
      seed: 100 + i,
      webhook_url: `${RECEIVER}/twin`,
      metadata: { twin: String(i) },
    });
    expect(twin.body.id).toBe(videos[i]);
  }

  // Ten jobs leased and completed inside the JobQueue, committed, then it dies before it hands a
  // single one of their 20 messages over. (Leased in there too: the tests' leases live 400 ms.)
  const firstTen = new Set(videos);
  const crash = runInDurableObject(queueOf(videos[0] ?? ""), async (instance: JobQueue, state) => {
    for (let done = 0; done < firstTen.size; ) {
      const grant = await instance.lease(["shape-world-tiny"], "reliability", 0);
      if (!grant) throw new Error("the first ten jobs never came up for lease");
      if (!firstTen.has(grant.job.id)) {
        instance.fail(grant.job.id, grant.leaseId, {
          code: "skip",
          message: "another test's",
          retryable: false,
          released: false,
        });
        continue;
      }
      const outputs = outputsFor(grant.job.output_prefix) as StoredOutput[];
      expect(instance.complete(grant.job.id, grant.leaseId, { outputs, timings_ms: {} }).ok).toBe(true);
      done++;
    }
    await state.storage.sync();
    state.abort("crash with 20 handoffs committed and none acknowledged");
  });
  await expect(crash).rejects.toThrow();

  for (let i = 10; i < 20; i++) {
    await create(i);
    expect((await completeJob(await leaseJob(videos[i] ?? ""))).status).toBe(200);
  }
  for (let i = 10; i < 15; i++) {
    const hit = await createVideo(key, { seed: 100 + i, webhook_url: `${RECEIVER}/hit` });
    expect(hit.res.status).toBe(200);
  }

  const expected = 20 + 10 + 5;
  const delivered = () =>
    new Set(received.map((r) => r.headers["webhook-id"]).filter((id) => attemptsById.get(id ?? "") === 3));
  await vi.waitFor(() => expect(delivered().size).toBe(expected), { timeout: 15_000, interval: 50 });

  const logs: WebhookDelivery[] = [];
  for (const id of videos) {
    const res = await call(`/v1/videos/${id}/webhook-deliveries`, { headers: key.auth });
    logs.push(...((await res.json()) as { data: WebhookDelivery[] }).data);
  }
  const ids = new Set(logs.map((d) => d.id));
  const summary = {
    messages: logs.length,
    distinct: ids.size,
    delivered: logs.filter((d) => d.status === "delivered").length,
    failed: logs.filter((d) => d.status === "failed").length,
    attempts: logs.reduce((n, d) => n + d.attempts.length, 0),
    received: received.length,
    pendingHandoffs: await queueOf(videos[0] ?? "").pendingHandoffs(),
  };
  console.info(`webhook reliability: ${JSON.stringify(summary)}`);
  expect(summary).toEqual({
    messages: expected,
    distinct: expected,
    delivered: expected,
    failed: 0,
    attempts: 3 * expected,
    received: 3 * expected,
    pendingHandoffs: 0,
  });
  for (const d of logs) expect(d.attempts.map((a) => a.status_code)).toEqual([500, null, 204]);
});
