import type { Bindings } from "../../env.js";
import { logEvent } from "../../log.js";
import type { LeaseGrant } from "../job-queue/index.js";
import { markLegacyDrained, pollShards, queueStub } from "./index.js";
import type { Shard } from "./shard-map.js";

export interface LeaseRequest {
  models: string[];
  runnerId: string;
  /** Jobs to grant at most (a batched lease). */
  max: number;
  waitMs: number;
  /** Nothing is granted after this (epoch ms): the poller has given up by then. */
  grantBy: number;
}

/**
 * A runner's poll across the shards. Sweep: starting at a random shard (so no shard is served
 * first more often than another), claim from each in turn until `max` jobs are granted; with more
 * than `MAX_POLL_SHARDS` shards a poll visits a random window of that many. Nothing
 * queued anywhere: wait on all shards at once for work (`waitForWork` claims nothing, so the
 * waits a poll walks away from cost nothing), then claim on the shard that woke it, and wait
 * again if another runner was faster. Within a shard jobs leave FIFO per model; a tenant's jobs
 * all live on one shard, so they leave in the order they were created.
 */
export async function leaseAcrossShards(env: Bindings, req: LeaseRequest): Promise<LeaseGrant[]> {
  const deadline = Math.min(Date.now() + req.waitMs, req.grantBy);
  const shards = pollWindow(pollShards(env));
  let grants = await sweep(env, shards, req);
  while (grants.length === 0) {
    const left = deadline - Date.now();
    if (left <= 0) return [];
    const live = pollShards(env); // the legacy queue leaves once it has drained
    const waiting = shards.filter((s) => live.includes(s));
    if (waiting.length === 0) return [];
    if (waiting.length === 1) {
      return queueStub(env, waiting[0]!).leaseBatch(req.models, req.runnerId, req.max, left, req.grantBy);
    }
    const woken = await firstWithWork(env, waiting, req.models, left);
    if (woken === null) return [];
    grants = (await queueStub(env, woken).claimNow(req.models, req.runnerId, req.max, req.grantBy)).grants;
  }
  return grants;
}

/**
 * The shards one poll visits, in the order it visits them: from a random one on, at most
 * `MAX_POLL_SHARDS` of them (a Worker invocation may make only so many subrequests, and an idle
 * poll holds one wait on each). The legacy queue, while it still has work, is one of them.
 */
export function pollWindow(shards: Shard[], random = Math.random()): Shard[] {
  const start = Math.floor(random * shards.length);
  return [...shards.slice(start), ...shards.slice(0, start)].slice(0, MAX_POLL_SHARDS);
}

/** Shards one poll visits at most (SCALING.md: beyond this, polls cover random windows). */
export const MAX_POLL_SHARDS = 64;

async function sweep(env: Bindings, order: Shard[], req: LeaseRequest): Promise<LeaseGrant[]> {
  const grants: LeaseGrant[] = [];
  let failure: unknown = null;
  for (const shard of order) {
    const left = req.max - grants.length;
    if (left <= 0) break;
    try {
      const got = await queueStub(env, shard).claimNow(req.models, req.runnerId, left, req.grantBy);
      if (shard === "legacy" && got.drained) markLegacyDrained();
      grants.push(...got.grants);
    } catch (error) {
      // One shard failing must not cost the jobs already claimed on others (their leases would
      // reach nobody and expire): carry on, and fail the poll only if it got nothing at all.
      failure ??= error;
      logEvent("warn", "shard_poll_failed", { shard: String(shard), error: String(error) });
    }
  }
  if (grants.length === 0 && failure !== null) throw failure;
  return grants;
}

/** The first shard to report queued work within `waitMs`, or null when none does. */
function firstWithWork(env: Bindings, shards: Shard[], models: string[], waitMs: number): Promise<Shard | null> {
  return new Promise((resolve) => {
    let pending = shards.length;
    const settle = (shard: Shard | null) => {
      if (shard !== null) resolve(shard);
      else if (--pending === 0) resolve(null);
    };
    for (const shard of shards) {
      queueStub(env, shard)
        .waitForWork(models, waitMs)
        .then(
          (has) => settle(has ? shard : null),
          () => settle(null),
        );
    }
  });
}
