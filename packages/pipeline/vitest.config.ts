import { defineConfig } from "vitest/config";

// ffmpeg, S3 and the edge run as real processes on a shared 2-core machine: allow them time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The service tests start the edge through wrangler: keep it offline and quiet.
    env: { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  },
});
