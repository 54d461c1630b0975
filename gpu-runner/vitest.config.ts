import { defineConfig } from "vitest/config";

// ffmpeg, S3 and the edge run as real processes on a shared 2-core machine: allow them time.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
