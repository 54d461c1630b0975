import { createKey, revokeKey } from "@sketchreel/contract";
import type { App } from "../app-types.js";
import { notFound } from "../errors.js";
import { KeyStore, publicKey } from "../keys/key-store.js";
import { logEvent } from "../log.js";

/** Key management (`/admin/*`, admin token). */
export function registerAdminRoutes(app: App): void {
  app.openapi(createKey, async (c) => {
    const { record, secret } = await new KeyStore(c.env.KEYS).create(c.req.valid("json"));
    logEvent("info", "api_key_created", { key_id: record.id, tenant_id: record.tenant_id, tier: record.tier });
    return c.json({ ...publicKey(record), key: secret }, 201);
  });

  app.openapi(revokeKey, async (c) => {
    const record = await new KeyStore(c.env.KEYS).revoke(c.req.valid("param").id);
    if (!record) throw notFound("API key");
    logEvent("info", "api_key_revoked", { key_id: record.id, tenant_id: record.tenant_id });
    return c.json(publicKey(record), 200);
  });
}
