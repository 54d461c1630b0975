import { relative } from "node:path";
import { DEFAULT_PORT, DEFAULT_STATE_DIR, type DevStack, preferPort, startDevStack } from "@sketchreel/dev-stack";
import { Sketchreel } from "@sketchreel/sdk";
import type { Command } from "../command.js";
import { createProgressBar } from "../progress-bar.js";
import { waitForShutdownSignal } from "../run-until-signal.js";
import { UsageError } from "../usage-error.js";
import { saveOutputs } from "./save-outputs.js";
import { intFlag, parseStackFlags } from "./stack-flags.js";

/** DESIGN.md's example in the shape-world domain (the seed's case 1). */
export const EXAMPLE_PROMPT =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";

const USAGE = `Usage: sketchreel quickstart [--prompt "…"] [--out DIR] [--seed N] [--steps N]
                            [--port N] [--runners N] [--state DIR] [--model DIR]

Boots the local stack (as \`sketchreel dev\`), submits one prompt through the SDK with a progress
bar, saves the MP4 and GIF under --out, prints the embed URL and shuts everything down.

Options:
  --prompt "…"  what to generate (default: DESIGN.md's example)
  --out DIR     where the files go (default ./out)
  --seed N      fixed seed (default: random, printed)
  --steps N     denoising steps (default: the model's)
  --port N      edge port (default ${DEFAULT_PORT}, or a free one when that is taken)
  --runners N   runner processes (default 1)
  --state DIR   state directory, shared with \`sketchreel dev\` (default ${DEFAULT_STATE_DIR})
  --model DIR   model package (default: the embedded one)`;

const say = (text: string) => process.stderr.write(`quickstart: ${text}\n`);

const command: Command = {
  summary: "boot the stack, generate one video through the SDK, save MP4 + GIF, shut down",
  usage: USAGE,
  async run(argv) {
    let flags: ReturnType<typeof parseStackFlags>;
    let options: { port: number; runners: number; seed?: number; steps?: number };
    try {
      flags = parseStackFlags(argv, {
        prompt: { type: "string" },
        out: { type: "string" },
        seed: { type: "string" },
        steps: { type: "string" },
      });
      options = {
        port: intFlag("port", flags.port as string | undefined, 0, 0, 65535),
        runners: intFlag("runners", flags.runners as string | undefined, 1, 1, 16),
        ...(flags.seed !== undefined ? { seed: intFlag("seed", flags.seed as string, 0, 0, 4_294_967_295) } : {}),
        ...(flags.steps !== undefined ? { steps: intFlag("steps", flags.steps as string, 0, 1, 100) } : {}),
      };
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`sketchreel quickstart: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const started = performance.now();
    const interrupted = new AbortController();
    void waitForShutdownSignal().then((signal) => interrupted.abort(new Error(`${signal} received`)));
    let stack: DevStack | undefined;
    try {
      say("starting S3, the edge (workerd) and a runner…");
      stack = await startDevStack({
        port: options.port || (await preferPort(DEFAULT_PORT)),
        runners: options.runners,
        stateDir: (flags.state as string | undefined) ?? DEFAULT_STATE_DIR,
        ...(flags.model ? { modelDir: flags.model as string } : {}),
        onNote: say,
      });
      interrupted.signal.throwIfAborted();
      say(`stack up in ${((performance.now() - started) / 1000).toFixed(1)} s at ${stack.info.apiUrl}`);

      const client = new Sketchreel({ apiKey: stack.info.apiKey, baseUrl: stack.info.apiUrl });
      const prompt = (flags.prompt as string | undefined) ?? EXAMPLE_PROMPT;
      say(`prompt: "${prompt}"`);
      const bar = createProgressBar();
      const video = await client.videos
        .createAndWait(
          {
            prompt,
            outputs: ["mp4", "gif", "poster"],
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
            ...(options.steps !== undefined ? { num_inference_steps: options.steps } : {}),
          },
          { onProgress: (progress, v) => bar.update(progress, v.status), signal: interrupted.signal },
        )
        .finally(() => bar.done());

      const saved = await saveOutputs(client, video, ["mp4", "gif"], (flags.out as string | undefined) ?? "out");
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const lines = [
        `video ${video.id} (seed ${video.params.seed}, ${video.params.width}×${video.params.height}, ${video.params.num_frames} frames, ${video.params.num_inference_steps} steps)`,
        ...saved.map((s) => `  ${s.variant.padEnd(4)} ${relative(process.cwd(), s.path)} (${s.bytes} bytes)`),
        `  embed ${video.share?.embed_url ?? "(no share link)"}`,
        "  (the stack stops now; `npx sketchreel dev` serves this video and its embed again from the same state)",
        `done in ${seconds} s`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    } catch (error) {
      process.stderr.write(`sketchreel quickstart: ${(error as Error).message}\n`);
      if (stack) process.stderr.write(`  logs: ${stack.info.logsDir}\n`);
      return 1;
    } finally {
      if (stack) {
        say("shutting down");
        await stack.stop();
      }
    }
  },
};

export default command;
