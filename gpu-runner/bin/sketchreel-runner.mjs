#!/usr/bin/env node
// The runner process (what the container runs). Runs the TypeScript sources through tsx, a declared
// dependency, so neither a clone nor the image needs a build step.
import { register } from "tsx/esm/api";

register();
const { runRunner } = await import("../src/main.ts");
process.exitCode = await runRunner(process.argv.slice(2));
