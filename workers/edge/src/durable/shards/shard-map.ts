import { randomBase62 } from "../../crypto.js";

/**
 * Where a tenant's jobs live, as pure functions. JobQueue shards are numbered 0 … N−1 (Durable
 * Objects named `queue:<n>`); `"legacy"` is the single `global` queue of deployments from before
 * sharding, where ids without a shard tag live. A tenant's *home* shard under a shard count is
 * `jumpHash(tenant, count)`: growing the count from N to M moves a tenant only to a shard ≥ N
 * (about 1 − N/M of the tenants move), never between old shards.
 */
export type Shard = number | "legacy";

export const LEGACY_QUEUE_NAME = "global";
export const queueName = (shard: Shard) => (shard === "legacy" ? LEGACY_QUEUE_NAME : `queue:${shard}`);

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 24;
const TAG_LENGTH = 2;

/** The shard tag of new ids: two base62 digits (shards 0 … 3843). */
export function shardTag(shard: number): string {
  if (!Number.isInteger(shard) || shard < 0 || shard >= ALPHABET.length ** TAG_LENGTH) {
    throw new RangeError(`shard ${shard} has no ${TAG_LENGTH}-character tag`);
  }
  return (ALPHABET[Math.floor(shard / ALPHABET.length)] ?? "") + (ALPHABET[shard % ALPHABET.length] ?? "");
}

/**
 * A new public id on `shard`: `<prefix>_` + tag + 24 random base62 characters (≈ 143 bits), e.g.
 * `vid_03Xb…` on shard 3. Ids of 24 characters after the prefix (no tag) are from before sharding.
 */
export const newShardedId = (prefix: "vid" | "shr", shard: number) =>
  `${prefix}_${shardTag(shard)}${randomBase62(RANDOM_LENGTH)}`;

/**
 * The shard an id routes to, without a lookup: the characters before its last 24 are the tag;
 * no tag → legacy. Null for a tag this deployment has no shard for (no such id was ever issued:
 * answered 404 without touching, or creating, a Durable Object).
 */
export function shardOfId(id: string, shardCount: number): Shard | null {
  const body = id.slice(id.indexOf("_") + 1);
  const tagLength = body.length - RANDOM_LENGTH;
  if (tagLength <= 0) return "legacy";
  let shard = 0;
  for (const char of body.slice(0, tagLength)) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    shard = shard * ALPHABET.length + digit;
  }
  return shard < shardCount ? shard : null;
}

/** Lamping & Veach's jump consistent hash of a 64-bit FNV-1a key: a bucket in [0, buckets). */
export function jumpHash(key: string, buckets: number): number {
  let hash = fnv1a64(key);
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    hash = (hash * 2862933555777941757n + 1n) & MASK_64;
    j = Math.floor((b + 1) * (2 ** 31 / (Number(hash >> 33n) + 1)));
  }
  return b;
}

const MASK_64 = (1n << 64n) - 1n;

function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & MASK_64;
  }
  return hash;
}

/** The shard a tenant's new jobs go to: its home under the current (last) count. */
export const homeShard = (tenantId: string, counts: readonly number[]) => jumpHash(tenantId, counts.at(-1) ?? 1);

/**
 * Every shard that may hold a tenant's jobs, home first: its home under each count the deployment
 * had, then the legacy queue. Everything but the first only ever loses the tenant's jobs.
 */
export function tenantShards(tenantId: string, counts: readonly number[]): Shard[] {
  const homes = [...counts].reverse().map((count) => jumpHash(tenantId, count));
  return [...new Set<Shard>([...homes, "legacy"])];
}

/** Every shard runners poll: all numbered shards of the current count, and the legacy queue. */
export function allShards(counts: readonly number[]): Shard[] {
  return [...Array.from({ length: counts.at(-1) ?? 1 }, (_, n) => n), "legacy"];
}
