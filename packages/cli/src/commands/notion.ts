import { parseArgs } from "node:util";
import { Client, LogLevel } from "@notionhq/client";
import { APIError, Sketchreel } from "@sketchreel/sdk";
import type { Command } from "../command.js";
import { loadNotionConfig } from "../config.js";
import { addVideoToPage } from "../notion/add-video.js";

const USAGE = `Usage: sketchreel notion add --page <page id or URL> --video <video id> [--json]

Appends a succeeded video to the end of a Notion page: an embed block with the video's player
(/embed/{shareId}), or a video block with the MP4's URL when Notion rejects the embed.

Environment:
  NOTION_TOKEN          secret of a Notion internal integration the page is shared with
  SKETCHREEL_API_KEY    a Sketchreel API key that can read the video
  SKETCHREEL_BASE_URL   the edge's URL, e.g. http://127.0.0.1:8787

See packages/cli/src/notion/README.md for setting up the integration.`;

const command: Command = {
  summary: "notion add: append a video to a Notion page (embed block, or video block fallback)",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { page: { type: "string" }, video: { type: "string" }, json: { type: "boolean", default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals[0] !== "add" || positionals.length !== 1 || !values.page || !values.video) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    try {
      const config = loadNotionConfig();
      const sketchreel = new Sketchreel({ apiKey: config.apiKey, baseUrl: config.baseUrl });
      const notion = new Client({
        auth: config.notionToken,
        logLevel: LogLevel.ERROR,
        ...(config.notionBaseUrl ? { baseUrl: config.notionBaseUrl } : {}),
      });
      const video = await sketchreel.videos.get(values.video);
      const added = await addVideoToPage(notion, values.page, video);
      if (values.json) process.stdout.write(`${JSON.stringify({ video: video.id, ...added })}\n`);
      else {
        const note = added.embedRejected ? ` (embed rejected: ${added.embedRejected})` : "";
        process.stdout.write(
          `added ${added.type} block ${added.blockId} to page ${added.pageId}: ${added.url}${note}\n`,
        );
      }
      return 0;
    } catch (error) {
      const detail = error instanceof APIError && error.requestId ? ` (request ${error.requestId})` : "";
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`sketchreel notion: ${message}${detail}\n`);
      return 1;
    }
  },
};

export default command;
