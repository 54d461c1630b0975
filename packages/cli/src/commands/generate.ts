import { examples, handler, type RegisterCommand } from "../command.js";
import type { GenerateFlags } from "../generate/parse-args.js";
import { addGenerationOptions } from "../generation-flags.js";

const DESCRIPTION = `Runs the diffusion pipeline in-process (no server) and writes OUT; its extension picks the format:
.mp4 (H.264), .webm (VP9), .gif, .png (poster frame), or a directory for one PNG per frame.
Parameters default to the model package's model_index.json.

A prompt the model cannot draw (a word outside its vocabulary, too many objects or tokens) is
refused before any work: exit 2, nothing written.

Exit codes: 0 done, 2 bad parameters, 1 failure, 130 interrupted.`;

export const registerGenerate: RegisterCommand = (program, context) => {
  const command = program
    .command("generate")
    .summary("generate a clip in-process from a prompt and write MP4/WebM/GIF/PNG")
    .description(DESCRIPTION)
    .argument("<prompt>", "what to draw, in quotes");
  addGenerationOptions(command)
    .option("--model <dir>", "model package (default: MODEL_DIR, else the embedded shape-world-tiny)")
    .option("--device <name>", "cpu | cuda (default cpu, or DEVICE; cuda falls back to cpu with one log line)")
    .option("--threads <n>", "onnxruntime intra-op threads, 0 = all cores (default 0, or THREADS)")
    .option("-o, --output <out>", "where to write (required): a .mp4, .webm, .gif or .png file, or a directory")
    .option("--json", "print one JSON object (resolved params, seed, timings per stage, outputs) on stdout")
    .addHelpText(
      "after",
      examples([
        [
          "DESIGN.md's example, as an MP4",
          'sketchreel generate "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right." --seed 3 -o example.mp4',
        ],
        ["a GIF, and the report as JSON", 'sketchreel generate "a red ball falls" -o ball.gif --json'],
        ["one PNG per frame", 'sketchreel generate "a purple dot is above an orange box" -o frames/'],
      ]),
    )
    .action(
      handler(context, "generate", async (prompt: string, flags: GenerateFlags) => {
        const { runGenerate } = await import("../generate/run-generate.js");
        return runGenerate(prompt, flags);
      }),
    );
};
