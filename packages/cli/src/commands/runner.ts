import { handler, type RegisterCommand } from "../command.js";

/**
 * `sketchreel runner` is the runner process itself (`sketchreel-runner`, what the container runs). It
 * is configured by environment variables and prints its own help (RUNNER_USAGE of @sketchreel/gpu-runner),
 * so its arguments go to it untouched; its log lines are JSON already.
 */
export const registerRunner: RegisterCommand = (program, context) => {
  program
    .command("runner")
    .summary("run a runner: lease jobs from the edge, generate, encode, upload to S3 (configured by environment)")
    .helpOption(false)
    .allowUnknownOption()
    .argument("[args...]")
    .action(
      handler(
        context,
        "runner",
        async (args: string[]) => {
          const { runRunner } = await import("@sketchreel/gpu-runner");
          return runRunner(args);
        },
        "the runner ships as a container image (gpu-runner/Dockerfile) and runs from the repository's sources",
      ),
    );
};
