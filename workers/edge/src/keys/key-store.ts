import type { z } from "@hono/zod-openapi";
import type { CreateKeyRequest } from "@sketchreel/contract";
import { newId, randomBase62, sha256Hex } from "../crypto.js";
import { keyCache } from "./key-cache.js";
import type { KeyRecord } from "./key-record.js";

/**
 * API keys in KV: `hash:<sha256 of secret>` → record, `id:<key id>` → hash. Only hashes are stored;
 * a lookup by hash is the comparison, so no secret is compared byte by byte.
 */
export class KeyStore {
  constructor(private readonly kv: KVNamespace) {}

  async create(request: z.output<typeof CreateKeyRequest>): Promise<{ record: KeyRecord; secret: string }> {
    const secret = `sr_${request.environment}_${randomBase62(40)}`;
    const hash = await sha256Hex(secret);
    const record: KeyRecord = {
      id: newId("key"),
      object: "api_key",
      tenant_id: request.tenant_id,
      name: request.name ?? null,
      prefix: secret.slice(0, `sr_${request.environment}_`.length + 4),
      scopes: [...new Set(request.scopes)],
      tier: request.tier,
      created_at: new Date().toISOString(),
      revoked_at: null,
      hash,
    };
    await Promise.all([this.kv.put(`hash:${hash}`, JSON.stringify(record)), this.kv.put(`id:${record.id}`, hash)]);
    return { record, secret };
  }

  async findBySecret(secret: string): Promise<KeyRecord | null> {
    if (!/^sr_(live|test)_[A-Za-z0-9]{20,80}$/.test(secret)) return null;
    const hash = await sha256Hex(secret);
    const cached = keyCache.get(hash);
    if (cached !== undefined) return cached;
    const record = await this.kv.get<KeyRecord>(`hash:${hash}`, "json");
    if (record) keyCache.set(hash, record);
    return record;
  }

  async revoke(id: string): Promise<KeyRecord | null> {
    const hash = await this.kv.get(`id:${id}`);
    if (!hash) return null;
    const record = await this.kv.get<KeyRecord>(`hash:${hash}`, "json");
    if (!record) return null;
    if (!record.revoked_at) {
      record.revoked_at = new Date().toISOString();
      await this.kv.put(`hash:${hash}`, JSON.stringify(record));
    }
    keyCache.delete(hash);
    return record;
  }
}

export function publicKey(record: KeyRecord) {
  const { hash: _hash, ...rest } = record;
  return rest;
}
