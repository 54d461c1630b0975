import { RUNNER_USAGE, runRunner } from "@sketchreel/gpu-runner";
import type { Command } from "../command.js";

/** `sketchreel runner` is the runner process itself (`sketchreel-runner`, what the container runs). */
const command: Command = {
  summary: "Run a runner: lease jobs from the edge, generate, encode, upload to S3",
  usage: RUNNER_USAGE,
  run: (argv) => runRunner(argv),
};

export default command;
