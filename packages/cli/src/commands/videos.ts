import { type Command, Option } from "commander";
import { type CliContext, collect, examples, handler, type RegisterCommand } from "../command.js";
import { addGenerationOptions } from "../generation-flags.js";
import { type ApiFlags, addApiOptions } from "../remote/api-options.js";
import { JOB_STATES, VARIANTS } from "../remote/choices.js";
import type { RemoteWork } from "../remote/run-remote.js";
import type { CreateFlags, DownloadFlags, GetFlags, ListFlags } from "../videos/operations.js";

type VideoOperations = typeof import("../videos/operations.js");

const DESCRIPTION = `Create, follow, list, cancel, delete and download videos on a deployed Sketchreel API (or the
one \`sketchreel dev\` runs). Set SKETCHREEL_BASE_URL and SKETCHREEL_API_KEY, or pass --base-url and
--api-key to each command.

Errors print the API's detail and request id. Exit codes: 0 done; 2 the request was wrong (a bad
flag, a missing setting, or the API's 400, 404, 413, 422: e.g. a prompt the model cannot draw);
1 anything else (auth, conflicts, rate limits, the API unreachable, a video that failed); 130
interrupted. --json prints the API's JSON on stdout, or {"error": {…}} on failure.`;

const SHARED = "`sketchreel videos --help` says how the API is configured, and what errors and exit codes mean.";
const ID = "vid_3kTq9V0mXb2cLr8aZp1N";

/**
 * One `videos` subcommand: its declaration, and a handler that loads the SDK and the operation only
 * when it runs (`work` gets the parsed arguments, the flags and the operations).
 */
function subcommand<F extends ApiFlags & { json?: boolean }>(
  videos: Command,
  context: CliContext,
  spec: {
    name: string;
    summary: string;
    declare: (command: Command) => Command;
    examples: [string, string][];
    /** What `--json` prints (default: the API's JSON). */
    json?: string;
    work: (ops: VideoOperations, args: string[], flags: F) => RemoteWork;
  },
): void {
  const command = spec
    .declare(videos.command(spec.name).summary(spec.summary).description(`${spec.summary}.\n\n${SHARED}`))
    .option("--json", spec.json ?? "print the API's JSON on stdout");
  addApiOptions(command)
    .addHelpText("after", examples(spec.examples))
    .action(
      handler(context, `videos ${spec.name}`, async (...all: unknown[]) => {
        const self = all.at(-1) as Command;
        const flags = all.at(-2) as F; // what commander parsed for the options this command declared
        const args = all.slice(0, -2) as string[];
        const [{ runRemote }, ops] = await Promise.all([
          import("../remote/run-remote.js"),
          import("../videos/operations.js"),
        ]);
        return runRemote(self, flags, spec.work(ops, args, flags));
      }),
    );
}

export const registerVideos: RegisterCommand = (program, context) => {
  const videos = program
    .command("videos")
    .summary("create, get, list, cancel, delete and download videos through the API")
    .description(DESCRIPTION)
    .addHelpText(
      "after",
      examples([
        [
          "submit, wait with a progress bar, save the MP4",
          'sketchreel videos create "a red ball falls" --wait -o ball.mp4',
        ],
        ["the ten newest that failed, as JSON", "sketchreel videos list --limit 10 --status failed --json"],
      ]),
    );

  subcommand<CreateFlags>(videos, context, {
    name: "create",
    summary: "submit a video; with --wait, wait for it and print (or download) it",
    declare: (command) =>
      addGenerationOptions(
        command
          .argument("[prompt]", "what to draw, in quotes (or --template)")
          .option("--template <id>", "a template instead of a prompt (`GET /v1/templates`)")
          .option("--var <name=value>", "a template variable (repeatable)", collect)
          .option("--model <id>", "the model (default: the API's default)"),
      )
        .option("--outputs <list>", `renditions to make, comma-separated: ${VARIANTS.join(", ")} (default: the API's)`)
        .option("--webhook-url <url>", "where the API posts the video's events")
        .option("--metadata <key=value>", "your own key/value pair, echoed back (repeatable)", collect)
        .option("--idempotency-key <key>", "repeat a create safely: the same key returns the same video")
        .option("--wait", "wait until the video is done (a progress bar on stderr on a terminal)")
        .option("--timeout <seconds>", "with --wait: how long to wait", "600")
        .option("-o, --output <file>", "wait, then download the rendition the extension names (.mp4 .webm .gif .png)"),
    examples: [
      [
        "submit, wait with a progress bar, save the MP4",
        'sketchreel videos create "a red ball falls" --wait -o ball.mp4',
      ],
      ["submit and print the id at once", 'sketchreel videos create "a blue cube stays on the right" --seed 3'],
      ["from a template", "sketchreel videos create --template slide-in-to-center --var color=red --wait --json"],
    ],
    work:
      (ops, [prompt], flags) =>
      (client, signal, state) =>
        ops.createVideo(client, prompt, flags, signal, state),
  });

  subcommand<GetFlags>(videos, context, {
    name: "get",
    summary: "show a video: status, progress, parameters, output URLs",
    declare: (command) =>
      command
        .argument("<id>", "the video (vid_…)")
        .option("--wait", "wait until it is done (after a timeout, or for a video created without --wait)")
        .option("--timeout <seconds>", "with --wait: how long to wait", "600"),
    examples: [
      ["where it stands", `sketchreel videos get ${ID}`],
      ["wait for it, as JSON", `sketchreel videos get ${ID} --wait --json`],
    ],
    work:
      (ops, [id], flags) =>
      (client, signal, state) =>
        ops.getVideo(client, id!, flags, signal, state),
  });

  subcommand<ListFlags>(videos, context, {
    name: "list",
    summary: "list videos, newest first, one page",
    declare: (command) =>
      command
        .option("--limit <n>", "page size, 1-100 (default: the API's, 20)")
        .addOption(new Option("--status <state>", "only videos in this state").choices(JOB_STATES))
        .option("--cursor <cursor>", "the next page: a previous page's next_cursor"),
    examples: [
      ["the newest twenty", "sketchreel videos list"],
      ["the ten newest that failed, as JSON", "sketchreel videos list --limit 10 --status failed --json"],
    ],
    work: (ops, _args, flags) => (client, signal) => ops.listVideos(client, flags, signal),
  });

  subcommand(videos, context, {
    name: "cancel",
    summary: "cancel a video: a queued one at once, a running one at its runner's next heartbeat",
    declare: (command) => command.argument("<id>", "the video (vid_…)"),
    examples: [["stop it", `sketchreel videos cancel ${ID}`]],
    work:
      (ops, [id], flags) =>
      (client, signal) =>
        ops.cancelVideo(client, id!, flags, signal),
  });

  subcommand(videos, context, {
    name: "delete",
    summary: "delete a finished video and its stored outputs",
    declare: (command) => command.argument("<id>", "the video (vid_…)"),
    examples: [["delete it (cancel a running one first)", `sketchreel videos delete ${ID}`]],
    json: 'print {"id", "deleted": true} on stdout',
    work:
      (ops, [id], flags) =>
      (client, signal) =>
        ops.deleteVideo(client, id!, flags, signal),
  });

  subcommand<DownloadFlags>(videos, context, {
    name: "download",
    summary: "download one rendition of a finished video to a file",
    declare: (command) =>
      command
        .argument("<id>", "the video (vid_…)")
        .addOption(new Option("--variant <variant>", "the rendition").choices(VARIANTS).default("mp4"))
        .option("-o, --output <file>", "where to write (default: <id>.<ext> in this directory)"),
    examples: [
      ["the MP4, as <id>.mp4", `sketchreel videos download ${ID}`],
      ["the GIF, named", `sketchreel videos download ${ID} --variant gif -o ball.gif`],
    ],
    json: 'print {"id", "variant", "path", "bytes", "content_type"} on stdout',
    work:
      (ops, [id], flags) =>
      (client, signal) =>
        ops.downloadVideo(client, id!, flags, signal),
  });
};
