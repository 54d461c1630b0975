#!/usr/bin/env node
// The `sketchreel` CLI. Runs the TypeScript sources through tsx (a declared dependency), so neither a
// fresh clone nor an installed package needs a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/index.ts");
process.exitCode = await main(process.argv.slice(2));
