/**
 * A runner process of the local stack: `sketchreel-runner` (from @sketchreel/gpu-runner, configured
 * by the variables its config reads) that also stops when the stack that started it is gone. On its
 * parent's exit it SIGTERMs itself, so it drains (hands a running job back) and exits as it would
 * on Ctrl-C; if that takes longer than the hard limit it exits anyway.
 */
import { runRunner } from "@sketchreel/gpu-runner";
import { watchParent } from "./watch-parent.js";

const HARD_EXIT_MS = 30_000;

watchParent(() => {
  process.kill(process.pid, "SIGTERM");
  setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
});
process.exitCode = await runRunner(process.argv.slice(2));
