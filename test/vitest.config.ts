import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "clients/**/*.test.ts",
      "browser/**/*.test.ts",
      "e2e/**/*.test.ts",
      "fault/**/*.test.ts",
      "load/**/*.test.ts",
      "bench/**/*.test.ts",
      "runner/**/*.test.ts",
    ],
    // Each file starts its own workerd + S3; one at a time on CI's two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
