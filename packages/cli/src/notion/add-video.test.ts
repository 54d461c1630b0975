import { Client, LogLevel } from "@notionhq/client";
import type { Video } from "@sketchreel/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { addVideoToPage, NotionAddError, parsePageId } from "./add-video.js";
import { appended, notionError, type Reply, startRecordingServer } from "./recording-server.js";

const PAGE = "https://www.notion.so/acme/Storyboards-0f1e2d3c4b5a69788796a5b4c3d2e1f0?pvs=4";
const PAGE_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const PROMPT = 'A yellow ball rolls from the left edge to the center <b>"quoted"</b>';
const EMBED_URL = "http://127.0.0.1:8787/embed/shr_Yb7nQ2pLx0Vt4sKe9Ra1";
const MP4_URL = "http://127.0.0.1:9000/videos/t1/vid_3kTq9V0mXb2cLr8aZp1N/video.mp4?X-Amz-Signature=abc";

function video(overrides: Partial<Video> = {}): Video {
  return {
    id: "vid_3kTq9V0mXb2cLr8aZp1N",
    object: "video",
    status: "succeeded",
    model: { id: "shape-world-tiny", version: "1" },
    prompt: PROMPT,
    negative_prompt: "",
    template: null,
    params: {
      width: 64,
      height: 64,
      num_frames: 16,
      fps: 8,
      num_inference_steps: 8,
      guidance_scale: 5,
      seed: 7,
      scheduler: "unipc",
    },
    outputs_requested: ["mp4", "gif", "poster"],
    progress: { stage: "done", step: 8, total_steps: 8, percent: 100 },
    outputs: [{ variant: "mp4", content_type: "video/mp4", bytes: 1234, sha256: "a".repeat(64), url: MP4_URL }],
    error: null,
    cached: false,
    attempts: 1,
    share: {
      id: "shr_Yb7nQ2pLx0Vt4sKe9Ra1",
      embed_url: EMBED_URL,
      oembed_url: `http://127.0.0.1:8787/oembed?url=${encodeURIComponent(EMBED_URL)}`,
    },
    webhook_url: null,
    metadata: {},
    created_at: "2026-11-25T12:00:00.000Z",
    started_at: "2026-11-25T12:00:01.000Z",
    completed_at: "2026-11-25T12:00:05.000Z",
    ...overrides,
  };
}

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => server?.close());

async function notionWith(replies: Reply[]) {
  server = await startRecordingServer(replies);
  return new Client({ auth: "ntn_test_secret", baseUrl: server.url, logLevel: LogLevel.ERROR, retry: false });
}

// The expected bodies are the ones Notion documents for "Append block children"
// (PATCH /v1/blocks/{block_id}/children) with an embed block and an external video block.
describe("addVideoToPage", () => {
  it("appends an embed block with the player URL, captioned with the prompt as plain text", async () => {
    const notion = await notionWith([appended("embed")]);
    const added = await addVideoToPage(notion, PAGE, video());
    expect(added).toEqual({
      pageId: PAGE_ID,
      blockId: "b5a6c7d8-0000-4000-8000-000000000001",
      type: "embed",
      url: EMBED_URL,
    });
    const [request] = server!.requests;
    expect(request).toMatchObject({ method: "PATCH", path: `/v1/blocks/${PAGE_ID}/children` });
    expect(request!.headers.authorization).toBe("Bearer ntn_test_secret");
    expect(request!.headers["notion-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request!.body).toEqual({
      children: [
        {
          object: "block",
          type: "embed",
          embed: { url: EMBED_URL, caption: [{ type: "text", text: { content: PROMPT } }] },
        },
      ],
    });
  });

  it("falls back to a video block with the MP4 URL when Notion rejects the embed", async () => {
    const notion = await notionWith([
      notionError(400, "validation_error", "body.children[0].embed.url is not embeddable"),
      appended("video"),
    ]);
    const added = await addVideoToPage(notion, PAGE_ID, video());
    expect(added).toMatchObject({
      type: "video",
      url: MP4_URL,
      embedRejected: expect.stringContaining("not embeddable"),
    });
    expect(server!.requests).toHaveLength(2);
    expect(server!.requests[1]!.body).toEqual({
      children: [
        {
          object: "block",
          type: "video",
          video: {
            type: "external",
            external: { url: MP4_URL },
            caption: [{ type: "text", text: { content: PROMPT } }],
          },
        },
      ],
    });
  });

  it("falls back to the share's MP4 link, which never expires, when the edge gives one", async () => {
    const notion = await notionWith([notionError(400, "validation_error", "not embeddable"), appended("video")]);
    const share = { ...video().share!, video_url: `${EMBED_URL}/video.mp4` };
    const added = await addVideoToPage(notion, PAGE_ID, video({ share }));
    expect(added).toMatchObject({ type: "video", url: `${EMBED_URL}/video.mp4` });
    expect(server!.requests[1]!.body).toMatchObject({
      children: [{ video: { external: { url: `${EMBED_URL}/video.mp4` } } }],
    });
  });

  it("uses the video block directly when the video has no share link", async () => {
    const notion = await notionWith([appended("video")]);
    const added = await addVideoToPage(notion, PAGE_ID, video({ share: null }));
    expect(added.type).toBe("video");
    expect(server!.requests).toHaveLength(1);
  });

  it("explains a page the integration cannot see, and does not fall back on it", async () => {
    const notion = await notionWith([notionError(404, "object_not_found", "Could not find block")]);
    const error = await addVideoToPage(notion, PAGE_ID, video()).catch((e) => e);
    expect(error).toBeInstanceOf(NotionAddError);
    expect(error.message).toMatch(/share the page with your integration/);
    expect(server!.requests).toHaveLength(1);
  });

  it("refuses a video that has not succeeded, before calling Notion", async () => {
    const notion = await notionWith([]);
    await expect(addVideoToPage(notion, PAGE_ID, video({ status: "running", outputs: [] }))).rejects.toThrow(
      "video vid_3kTq9V0mXb2cLr8aZp1N is running; only a succeeded video can be added",
    );
    expect(server!.requests).toHaveLength(0);
  });
});

describe("parsePageId", () => {
  it("accepts ids and page URLs and returns the dashed form", () => {
    expect(parsePageId("0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toBe(PAGE_ID);
    expect(parsePageId(PAGE_ID.toUpperCase())).toBe(PAGE_ID);
    expect(parsePageId(PAGE)).toBe(PAGE_ID);
  });

  it("names the flag and the value when it is not an id", () => {
    expect(() => parsePageId("my-page")).toThrow(
      '--page must be a Notion page id or URL ending in its 32-hex id (got "my-page")',
    );
  });
});
