import { Client, LogLevel } from "@notionhq/client";
import { APIError, Sketchreel } from "@sketchreel/sdk";
import { loadNotionConfig } from "../config.js";
import { addVideoToPage } from "./add-video.js";

/** `sketchreel notion add`: reads the video from the API, appends it to the page; 0 done, 1 failed. */
export async function runNotionAdd(options: { page: string; video: string; json: boolean }): Promise<number> {
  try {
    const config = loadNotionConfig();
    const sketchreel = new Sketchreel({ apiKey: config.apiKey, baseUrl: config.baseUrl });
    const notion = new Client({
      auth: config.notionToken,
      logLevel: LogLevel.ERROR,
      ...(config.notionBaseUrl ? { baseUrl: config.notionBaseUrl } : {}),
    });
    const video = await sketchreel.videos.get(options.video);
    const added = await addVideoToPage(notion, options.page, video);
    if (options.json) process.stdout.write(`${JSON.stringify({ video: video.id, ...added })}\n`);
    else {
      const note = added.embedRejected ? ` (embed rejected: ${added.embedRejected})` : "";
      process.stdout.write(`added ${added.type} block ${added.blockId} to page ${added.pageId}: ${added.url}${note}\n`);
    }
    return 0;
  } catch (error) {
    const detail = error instanceof APIError && error.requestId ? ` (request ${error.requestId})` : "";
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sketchreel notion: ${message}${detail}\n`);
    return 1;
  }
}
