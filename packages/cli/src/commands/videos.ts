import { type Command, Option } from "commander";
import { collect, examples, handler, type RegisterCommand } from "../command.js";
import { addGenerationOptions } from "../generation-flags.js";
import { type ApiFlags, addApiOptions } from "../remote/api-options.js";
import { JOB_STATES, VARIANTS } from "../remote/choices.js";
import type { CreateFlags } from "../videos/create-video.js";

const DESCRIPTION = `Create, follow, list, cancel, delete and download videos on a deployed Sketchreel API (or the
one \`sketchreel dev\` runs). Set SKETCHREEL_BASE_URL and SKETCHREEL_API_KEY, or pass --base-url and
--api-key to each command.

Errors print the API's detail and request id. Exit codes: 0 done; 2 the request was wrong (a bad
flag, a missing setting, or the API's 400, 404, 413, 422: e.g. a prompt the model cannot draw);
1 anything else (auth, conflicts, rate limits, the API unreachable, a video that failed); 130
interrupted. --json prints the API's JSON on stdout, or {"error": {…}} on failure.`;

const SEE = (name: string) =>
  `Run \`sketchreel videos --help\` for the settings and exit codes shared by every ${name} command.`;

/** Adds one `videos` subcommand whose handler gets the SDK client (see remote/run-remote.ts). */
function remoteCommand(parent: Command, name: string, summary: string): Command {
  const command = parent
    .command(name)
    .summary(summary)
    .description(`${summary}.\n\n${SEE("videos")}`);
  return command;
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
        ["submit and print the id at once", 'sketchreel videos create "a blue cube stays on the right" --seed 3'],
        ["wait for it later", "sketchreel videos get vid_3kTq9V0mXb2cLr8aZp1N --wait"],
        ["the ten newest that failed, as JSON", "sketchreel videos list --limit 10 --status failed --json"],
        [
          "the GIF of a finished video",
          "sketchreel videos download vid_3kTq9V0mXb2cLr8aZp1N --variant gif -o ball.gif",
        ],
      ]),
    );
  // Each handler loads the SDK and the work only when it runs.
  const run = async <F extends ApiFlags & { json?: boolean }>(
    self: Command,
    flags: F,
    work: (
      ops: typeof import("../videos/manage-videos.js") & typeof import("../videos/create-video.js"),
    ) => (
      client: import("@sketchreel/sdk").Sketchreel,
      signal: AbortSignal,
      state: import("../remote/run-remote.js").RemoteState,
    ) => Promise<void>,
  ) => {
    const [{ runRemote }, manage, create] = await Promise.all([
      import("../remote/run-remote.js"),
      import("../videos/manage-videos.js"),
      import("../videos/create-video.js"),
    ]);
    return runRemote(self, flags, work({ ...manage, ...create }));
  };

  const create = remoteCommand(videos, "create", "submit a video; with --wait, wait for it and print (or download) it")
    .argument("[prompt]", "what to draw, in quotes (or --template)")
    .option("--template <id>", "a template instead of a prompt (`GET /v1/templates`)")
    .option("--var <name=value>", "a template variable (repeatable)", collect)
    .option("--model <id>", "the model (default: the API's default)");
  addGenerationOptions(create)
    .option("--outputs <list>", `renditions to make, comma-separated: ${VARIANTS.join(", ")} (default: the API's)`)
    .option("--webhook-url <url>", "where the API posts the video's events")
    .option("--metadata <key=value>", "your own key/value pair, echoed back (repeatable)", collect)
    .option("--idempotency-key <key>", "repeat a create safely: the same key returns the same video")
    .option("--wait", "wait until the video is done (progress on stderr on a terminal)")
    .option("--timeout <seconds>", "with --wait: how long to wait", "600")
    .option("-o, --output <file>", "with --wait (implied): download the rendition its extension names")
    .option("--json", "print the API's JSON for the video");
  addApiOptions(create).action(
    handler(context, "videos create", (prompt: string | undefined, flags: CreateFlags, self: Command) =>
      run(self, flags, (ops) => (client, signal, state) => ops.createVideo(client, prompt, flags, signal, state)),
    ),
  );

  const get = remoteCommand(videos, "get", "show a video: status, progress, parameters, output URLs")
    .argument("<id>", "the video (vid_…)")
    .option("--wait", "wait until it is done (after a timeout, or for a video created without --wait)")
    .option("--timeout <seconds>", "with --wait: how long to wait", "600")
    .option("--json", "print the API's JSON for the video");
  addApiOptions(get).action(
    handler(
      context,
      "videos get",
      (id: string, flags: ApiFlags & { wait?: boolean; timeout?: string; json?: boolean }, self: Command) =>
        run(self, flags, (ops) => (client, signal, state) => ops.getVideo(client, id, flags, signal, state)),
    ),
  );

  const list = remoteCommand(videos, "list", "list videos, newest first, one page")
    .option("--limit <n>", "page size, 1-100 (default: the API's, 20)")
    .addOption(new Option("--status <state>", "only videos in this state").choices(JOB_STATES))
    .option("--cursor <cursor>", "the next page, from a previous page's next_cursor")
    .option("--json", "print the API's JSON for the page");
  addApiOptions(list).action(
    handler(
      context,
      "videos list",
      (flags: Parameters<typeof import("../videos/manage-videos.js").listVideos>[1], self: Command) =>
        run(self, flags, (ops) => (client, signal) => ops.listVideos(client, flags, signal)),
    ),
  );

  for (const [name, summary] of [
    ["cancel", "cancel a video: a queued one at once, a running one at its runner's next heartbeat"],
    ["delete", "delete a finished video and its stored outputs"],
  ] as const) {
    const command = remoteCommand(videos, name, summary)
      .argument("<id>", "the video (vid_…)")
      .option("--json", name === "cancel" ? "print the API's JSON for the video" : 'print {"id", "deleted": true}');
    addApiOptions(command).action(
      handler(context, `videos ${name}`, (id: string, flags: ApiFlags & { json?: boolean }, self: Command) =>
        run(
          self,
          flags,
          (ops) => (client, signal) =>
            name === "cancel" ? ops.cancelVideo(client, id, flags, signal) : ops.deleteVideo(client, id, flags, signal),
        ),
      ),
    );
  }

  const download = remoteCommand(videos, "download", "download one rendition of a finished video to a file")
    .argument("<id>", "the video (vid_…)")
    .addOption(new Option("--variant <variant>", "the rendition").choices(VARIANTS).default("mp4"))
    .option("-o, --output <file>", "where to write (default: <id>.<ext> here)")
    .option("--json", 'print {"id", "variant", "path", "bytes", "content_type"}');
  addApiOptions(download).action(
    handler(
      context,
      "videos download",
      (id: string, flags: Parameters<typeof import("../videos/manage-videos.js").downloadVideo>[2], self: Command) =>
        run(self, flags, (ops) => (client, signal) => ops.downloadVideo(client, id, flags, signal)),
    ),
  );
};
