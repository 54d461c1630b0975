import { TtlCache } from "../ttl-cache.js";
import type { KeyRecord } from "./key-record.js";

/**
 * Key lookups of this isolate (hash → record), so a hot key costs no KV read. A revocation clears
 * its own isolate's entry at once, and other isolates within 5 s (KV itself propagates in up to
 * 60 s across locations). Unknown keys are not cached (a typo should not stick).
 */
export const keyCache = new TtlCache<KeyRecord | null>(5_000);
