import { APIErrorCode, type Client, isNotionClientError } from "@notionhq/client";
import type { Video } from "@sketchreel/sdk";

type BlockChildren = Parameters<Client["blocks"]["children"]["append"]>[0]["children"];

/** Why a video could not be added to a Notion page; `message` says what to do. */
export class NotionAddError extends Error {
  override readonly name = "NotionAddError";
}

export interface AddedBlock {
  pageId: string;
  blockId: string;
  /** `embed` (the player page) or `video` (the fallback: the MP4's URL). */
  type: "embed" | "video";
  url: string;
  /** Set when the embed was rejected and the video block was used instead. */
  embedRejected?: string;
}

const CAPTION_MAX = 2000; // Notion's limit for one rich-text item

/**
 * Accepts a Notion page id (32 hex, with or without dashes) or a page URL
 * (`https://www.notion.so/Title-0123…`) and returns the dashed UUID form the API documents.
 */
export function parsePageId(input: string): string {
  const hex = input.match(/([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})(?:[?#].*)?$/i)?.[1];
  if (!hex) throw new NotionAddError(`--page must be a Notion page id or URL ending in its 32-hex id (got "${input}")`);
  const id = hex.replaceAll("-", "").toLowerCase();
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

/** The blocks appended: the embed player, captioned with the prompt. */
export function embedBlock(url: string, prompt: string): BlockChildren {
  return [{ object: "block", type: "embed", embed: { url, caption: caption(prompt) } }];
}

/** The fallback: a video block playing the MP4 from its URL. */
export function videoBlock(url: string, prompt: string): BlockChildren {
  return [{ object: "block", type: "video", video: { type: "external", external: { url }, caption: caption(prompt) } }];
}

function caption(prompt: string) {
  return [{ type: "text" as const, text: { content: prompt.slice(0, CAPTION_MAX) } }];
}

/**
 * Appends a succeeded video to the end of a Notion page: an embed block with the edge's
 * `/embed/{shareId}` player, or, when Notion rejects the embed (validation error), a video block
 * with the MP4's URL (the share's never-expiring `video_url` when there is one). The page must be shared with the integration (Notion answers 404 otherwise).
 */
export async function addVideoToPage(notion: Client, pageInput: string, video: Video): Promise<AddedBlock> {
  const pageId = parsePageId(pageInput);
  if (video.status !== "succeeded") {
    throw new NotionAddError(`video ${video.id} is ${video.status}; only a succeeded video can be added`);
  }
  // The share's MP4 link never expires (a presigned one does within the hour); Notion keeps the URL.
  const mp4Output = video.outputs.find((output) => output.variant === "mp4");
  const mp4 = mp4Output && (video.share?.video_url ?? mp4Output.url);
  let embedRejected: string | undefined;
  if (video.share) {
    try {
      const response = await notion.blocks.children.append({
        block_id: pageId,
        children: embedBlock(video.share.embed_url, video.prompt),
      });
      return { pageId, blockId: response.results[0]?.id ?? "", type: "embed", url: video.share.embed_url };
    } catch (error) {
      if (!isNotionClientError(error) || error.code !== APIErrorCode.ValidationError) throw explain(error, pageId);
      embedRejected = error.message;
    }
  }
  if (!mp4) {
    throw new NotionAddError(
      `video ${video.id} has ${video.share ? "a rejected embed" : "no share link"} and no mp4 output to fall back to`,
    );
  }
  try {
    const response = await notion.blocks.children.append({ block_id: pageId, children: videoBlock(mp4, video.prompt) });
    return {
      pageId,
      blockId: response.results[0]?.id ?? "",
      type: "video",
      url: mp4,
      ...(embedRejected ? { embedRejected } : {}),
    };
  } catch (error) {
    throw explain(error, pageId);
  }
}

function explain(error: unknown, pageId: string): unknown {
  if (!isNotionClientError(error)) return error;
  if (error.code === APIErrorCode.ObjectNotFound) {
    return new NotionAddError(
      `Notion page ${pageId} not found: share the page with your integration (••• → Connections) and check the id`,
    );
  }
  if (error.code === APIErrorCode.Unauthorized) {
    return new NotionAddError("Notion rejected NOTION_TOKEN: create an internal integration and copy its secret");
  }
  return new NotionAddError(`Notion API error (${error.code}): ${error.message}`);
}
