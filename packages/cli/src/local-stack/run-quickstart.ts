import { relative } from "node:path";
import { DEFAULT_PORT, DEFAULT_STATE_DIR, type DevStack, preferPort, startDevStack } from "@sketchreel/dev-stack";
import { Sketchreel } from "@sketchreel/sdk";
import { createProgressBar } from "../progress-bar.js";
import { saveOutputs } from "../remote/download.js";
import { waitForShutdownSignal } from "../run-until-signal.js";
import { intFlag, type StackFlags } from "./stack-flags.js";

/** DESIGN.md's example in the shape-world domain (the seed's case 1). */
export const EXAMPLE_PROMPT =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";

export interface QuickstartFlags extends StackFlags {
  prompt?: string;
  out?: string;
  seed?: string;
  steps?: string;
}

const say = (text: string) => process.stderr.write(`quickstart: ${text}\n`);
const since = (start: number) => Math.round(performance.now() - start);

/**
 * `sketchreel quickstart`: boot the stack, generate one video through the SDK, save MP4 + GIF, shut
 * down. Prints lines for a person, or with --json one object at the end (video, files, embed URL,
 * timings). A `UsageError` (a bad flag value) is left to the command, which prints the usage.
 */
export async function runQuickstart(flags: QuickstartFlags): Promise<number> {
  const options = {
    port: intFlag("port", flags.port, 0, 0, 65535),
    runners: intFlag("runners", flags.runners, 1, 1, 16),
    ...(flags.seed !== undefined ? { seed: intFlag("seed", flags.seed, 0, 0, 4_294_967_295) } : {}),
    ...(flags.steps !== undefined ? { steps: intFlag("steps", flags.steps, 0, 1, 100) } : {}),
  };
  const started = performance.now();
  const interrupted = new AbortController();
  void waitForShutdownSignal().then((signal) => interrupted.abort(new Error(`${signal} received`)));
  let stack: DevStack | undefined;
  try {
    say("starting S3, the edge (workerd) and a runner…");
    stack = await startDevStack({
      port: options.port || (await preferPort(DEFAULT_PORT)),
      runners: options.runners,
      stateDir: flags.state ?? DEFAULT_STATE_DIR,
      ...(flags.model ? { modelDir: flags.model } : {}),
      onNote: say,
    });
    interrupted.signal.throwIfAborted();
    const stackMs = since(started);
    say(`stack up in ${(stackMs / 1000).toFixed(1)} s at ${stack.info.apiUrl}`);

    const client = new Sketchreel({ apiKey: stack.info.apiKey, baseUrl: stack.info.apiUrl });
    const prompt = flags.prompt ?? EXAMPLE_PROMPT;
    say(`prompt: "${prompt}"`);
    const bar = createProgressBar();
    const generateStart = performance.now();
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
    const generateMs = since(generateStart);

    const downloadStart = performance.now();
    const saved = await saveOutputs(client, video.id, ["mp4", "gif"], flags.out ?? "out");
    const timings = { stack: stackMs, generate: generateMs, download: since(downloadStart), total: since(started) };
    if (flags.json) {
      const { id, status, cached, params } = video;
      const files = saved.map(({ variant, path, bytes }) => ({ variant, path, bytes }));
      const report = {
        video: { id, status, cached, seed: params.seed, params },
        files,
        embed_url: video.share?.embed_url ?? null,
        timings_ms: timings,
      };
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      const lines = [
        `video ${video.id} (seed ${video.params.seed}, ${video.params.width}×${video.params.height}, ${video.params.num_frames} frames, ${video.params.num_inference_steps} steps)`,
        ...saved.map((s) => `  ${s.variant.padEnd(4)} ${relative(process.cwd(), s.path)} (${s.bytes} bytes)`),
        `  embed ${video.share?.embed_url ?? "(no share link)"}`,
        "  (the stack stops now; `npx sketchreel dev` serves this video and its embed again from the same state)",
        `done in ${(timings.total / 1000).toFixed(1)} s`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    return 0;
  } catch (error) {
    const message = (error as Error).message;
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ error: { message, logs: stack?.info.logsDir ?? null } })}\n`);
    }
    process.stderr.write(`sketchreel quickstart: ${message}\n`);
    if (stack) process.stderr.write(`  logs: ${stack.info.logsDir}\n`);
    return 1;
  } finally {
    if (stack) {
      say("shutting down");
      await stack.stop();
    }
  }
}
