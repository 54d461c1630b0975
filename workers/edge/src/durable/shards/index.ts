import { readConfig } from "../../config.js";
import type { Bindings } from "../../env.js";
import { notFound } from "../../errors.js";
import { allShards, queueName, type Shard, shardOfId } from "./shard-map.js";

export type { Shard } from "./shard-map.js";

/** The JobQueue Durable Object of a shard. */
export const queueStub = (env: Bindings, shard: Shard) => env.JOB_QUEUE.get(env.JOB_QUEUE.idFromName(queueName(shard)));

const shardCount = (env: Bindings) => readConfig(env).queueShards.at(-1) ?? 1;

/**
 * The JobQueue holding video `id`, from the shard tag in the id (no lookup); an id that no shard of
 * this deployment could have issued is a 404 here, without touching (or creating) any object.
 */
export function videoQueue(env: Bindings, id: string) {
  const shard = shardOfId(id, shardCount(env));
  if (shard === null) throw notFound("video");
  return queueStub(env, shard);
}

/** The JobQueue holding share `shareId` (same tag as its video), or null for an id never issued. */
export function shareQueue(env: Bindings, shareId: string) {
  const shard = shardOfId(shareId, shardCount(env));
  return shard === null ? null : queueStub(env, shard);
}

/**
 * Whether the legacy `global` queue (from before sharding) has no queued or running job left. It
 * never gets a new job, so once true this stays true for the isolate's life.
 */
let legacyDrained = false;
export const markLegacyDrained = () => {
  legacyDrained = true;
};

/** The shards runners poll (and whose queue depth counts): all of them, legacy until it drained. */
export function pollShards(env: Bindings): Shard[] {
  const shards = allShards(readConfig(env).queueShards);
  return legacyDrained ? shards.filter((s) => s !== "legacy") : shards;
}
