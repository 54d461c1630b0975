import type { JobState } from "@sketchreel/contract";
import { readConfig } from "../../config.js";
import type { Bindings } from "../../env.js";
import type { JobRecord } from "../../jobs/job-record.js";
import { TtlCache } from "../../ttl-cache.js";
import type { CreateJobInput, CreateOutcome } from "../job-queue/create-job.js";
import type { ListPosition } from "../job-queue/job-table.js";
import { pollShards, queueStub } from "./index.js";
import { type Shard, tenantShards } from "./shard-map.js";

/**
 * A tenant's view over its shards. Its home shard (under the current shard count) holds all it
 * creates from now on; older shards (its homes under earlier counts, and the legacy `global` queue)
 * only ever lose its jobs. Facts about an older shard that can never change back are memoized per
 * isolate (an hour, 10 000 entries): "nothing there affects this tenant's creates", "nothing of
 * this tenant is stored there", "the legacy queue affects nobody's creates". For a deployment that
 * never grew and has an empty legacy queue, that makes every tenant operation one Durable Object.
 */
const settled = new TtlCache<true>(60 * 60 * 1000, 10_000);
const RETIRED = (shard: Shard, tenant: string) => `retired\n${shard}\n${tenant}`;
const EMPTY = (shard: Shard, tenant: string) => `empty\n${shard}\n${tenant}`;
const LEGACY_RETIRED = "retired\nlegacy\n*";

function olderShards(env: Bindings, tenantId: string): Shard[] {
  return tenantShards(tenantId, readConfig(env).queueShards).slice(1);
}

/**
 * Admit a job in the tenant's home shard. While an older shard may still hold the tenant's
 * Idempotency-Keys, active jobs or today's usage, those are read first (one parallel round): a key
 * recorded there replays from there, and its active jobs and units count against the limits.
 */
export async function createTenantJob(env: Bindings, input: CreateJobInput): Promise<CreateOutcome> {
  const tenant = input.job.tenant_id;
  const [home, ...older] = tenantShards(tenant, readConfig(env).queueShards) as [Shard, ...Shard[]];
  const asking = older.filter(
    (s) => !settled.get(RETIRED(s, tenant)) && !(s === "legacy" && settled.get(LEGACY_RETIRED)),
  );
  let elsewhere = { activeJobs: 0, computeUnits: 0 };
  if (asking.length > 0) {
    const states = await Promise.all(asking.map((s) => queueStub(env, s).priorState(tenant, input.idempotency)));
    for (const [i, state] of states.entries()) {
      const shard = asking[i]!;
      if (state.replay) return state.replay;
      if (state.retiredForTenant) settled.set(RETIRED(shard, tenant), true);
      if (shard === "legacy" && state.retired) settled.set(LEGACY_RETIRED, true);
      elsewhere = {
        activeJobs: elsewhere.activeJobs + state.activeJobs,
        computeUnits: elsewhere.computeUnits + state.computeUnits,
      };
    }
  }
  return queueStub(env, home).createJob({ ...input, elsewhere });
}

export interface TenantPage {
  jobs: JobRecord[];
  hasMore: boolean;
  next: ListPosition | null;
}

/** A page of the tenant's videos, newest first, merged over every shard that may hold some. */
export async function listTenantJobs(
  env: Bindings,
  tenantId: string,
  limit: number,
  after: ListPosition | null,
  status?: JobState,
): Promise<TenantPage> {
  const shards = tenantShards(tenantId, readConfig(env).queueShards);
  const asking = shards.filter((s, i) => i === 0 || !settled.get(EMPTY(s, tenantId)));
  const pages = await Promise.all(
    asking.map((s) => queueStub(env, s).listJobs(tenantId, limit + 1, listRank(s), after, status)),
  );
  for (const [i, page] of pages.entries()) {
    // An older shard with none of the tenant's jobs never gets one: skip it from now on.
    if (i > 0 && page.length === 0 && !after && !status) settled.set(EMPTY(asking[i]!, tenantId), true);
  }
  const merged = pages.flat().sort((a, b) => compare(b.at, a.at));
  const page = merged.slice(0, limit);
  const hasMore = merged.length > limit;
  return { jobs: page.map((p) => p.job), hasMore, next: hasMore ? (page.at(-1)?.at ?? null) : null };
}

/** A shard's place in the list order among jobs of the same millisecond. */
const listRank = (shard: Shard) => (shard === "legacy" ? -1 : shard);
const compare = (a: ListPosition, b: ListPosition) => a.createdMs - b.createdMs || a.rank - b.rank || a.seq - b.seq;

/** The tenant's usage today, summed over the shards that may still hold some. */
export async function tenantUsage(env: Bindings, tenantId: string) {
  const shards = olderShards(env, tenantId);
  const asking = [
    tenantShards(tenantId, readConfig(env).queueShards)[0]!,
    ...shards.filter((s) => !settled.get(RETIRED(s, tenantId))),
  ];
  const parts = await Promise.all(asking.map((s) => queueStub(env, s).usage(tenantId)));
  return parts.reduce(
    (sum, part) => ({
      compute_units: sum.compute_units + part.compute_units,
      videos_created: sum.videos_created + part.videos_created,
      active_jobs: sum.active_jobs + part.active_jobs,
    }),
    { compute_units: 0, videos_created: 0, active_jobs: 0 },
  );
}

let totals: { at: number; depth: number; running: number } | null = null;
/** Queue depth across every shard, for autoscaling: one fan-out per isolate every 2 s at most. */
export const QUEUE_TOTALS_TTL_MS = 2_000;

export async function queueTotals(env: Bindings, now = Date.now()): Promise<{ depth: number; running: number }> {
  if (totals && now - totals.at < QUEUE_TOTALS_TTL_MS) return { depth: totals.depth, running: totals.running };
  const counts = await Promise.all(pollShards(env).map((s) => queueStub(env, s).queueCounts()));
  const sum = counts.reduce((a, b) => ({ depth: a.depth + b.depth, running: a.running + b.running }), {
    depth: 0,
    running: 0,
  });
  totals = { at: now, ...sum };
  return sum;
}
