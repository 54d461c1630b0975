#!/usr/bin/env node
// The `sketchreel` CLI. In a clone of the repository it runs the TypeScript sources through tsx, so
// nothing needs building; the npm package ships no sources, only the bundle its `prepack` builds
// (dist/sketchreel.mjs, scripts/build-package.ts), and runs that.
import { existsSync } from "node:fs";

// Output piped into a reader that stops early (`| head`): stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const sources = new URL("../src/index.ts", import.meta.url);
const installed = !existsSync(sources);
if (!installed) (await import("tsx/esm/api")).register();
const { main } = await import(installed ? "../dist/sketchreel.mjs" : sources.href);
process.exitCode = await main(process.argv.slice(2), { installed });
