import type { CreatedApiKey, CreateKeyRequest } from "@sketchreel/contract";
import type { z } from "zod";

export type NewKey = z.input<typeof CreateKeyRequest>;
export type CreatedKey = z.infer<typeof CreatedApiKey>;

/** Creates an API key through the edge's admin API (`POST /admin/v1/keys`). */
export async function createApiKey(apiUrl: string, adminToken: string, key: NewKey): Promise<CreatedKey> {
  const res = await fetch(`${apiUrl}/admin/v1/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(key),
  });
  const text = await res.text();
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`creating an API key failed: HTTP ${res.status} ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as CreatedKey;
}

/** True when the edge accepts `apiKey` (its persisted KV may have been wiped since). */
export async function isApiKeyValid(apiUrl: string, apiKey: string): Promise<boolean> {
  const res = await fetch(`${apiUrl}/v1/usage`, { headers: { authorization: `Bearer ${apiKey}` } });
  await res.body?.cancel();
  return res.ok;
}
