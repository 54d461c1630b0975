import { Argument, type Command } from "commander";
import { examples, handler, printUsageError, type RegisterCommand } from "../command.js";
import { UsageError } from "../usage-error.js";

const DESCRIPTION = `Appends a succeeded video to the end of a Notion page: an embed block with the video's player
(/embed/{shareId}), or a video block with the MP4's URL when Notion rejects the embed.

Environment:
  NOTION_TOKEN          secret of a Notion internal integration the page is shared with
  SKETCHREEL_API_KEY    a Sketchreel API key that can read the video
  SKETCHREEL_BASE_URL   the API's URL, e.g. http://127.0.0.1:8787

See packages/cli/src/notion/README.md for setting up the integration.`;

export const registerNotion: RegisterCommand = (program, context) => {
  program
    .command("notion")
    .summary("notion add: append a video to a Notion page (embed block, or video block fallback)")
    .description(DESCRIPTION)
    .usage("add --page <page id or URL> --video <video id> [--json]")
    .addArgument(new Argument("<action>", "what to do").choices(["add"]))
    // Checked in the handler rather than as required options, so that a mistyped flag gets its suggestion first.
    .option("--page <page>", "the Notion page: its id or URL (required)")
    .option("--video <id>", "the video to add (vid_…), succeeded (required)")
    .option("--json", "print one JSON object (video, page, block, type, url) on stdout")
    .addHelpText(
      "after",
      examples([
        [
          "add a video to a page shared with your integration",
          "sketchreel notion add --page https://www.notion.so/acme/Storyboards-0f1e2d3c4b5a69788796a5b4c3d2e1f0 --video vid_3kTq9V0mXb2cLr8aZp1N",
        ],
      ]),
    )
    .action(
      handler(
        context,
        "notion",
        async (_action: "add", flags: { page?: string; video?: string; json?: boolean }, self: Command) => {
          const missing = (["page", "video"] as const).filter((flag) => !flags[flag]);
          if (missing.length > 0) {
            const errors = missing.map((flag) => ({ field: flag, rule: "required", message: `--${flag} is required` }));
            return printUsageError(self, new UsageError(errors));
          }
          const { runNotionAdd } = await import("../notion/run-notion-add.js");
          return runNotionAdd({ page: flags.page!, video: flags.video!, json: flags.json === true });
        },
      ),
    );
};
