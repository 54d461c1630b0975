import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { appended, startRecordingServer } from "@sketchreel/cli/notion-recording-server";
import { Sketchreel, type Video } from "@sketchreel/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientStack, startClientStack } from "../support/stack.js";

const CLI = createRequire(import.meta.url).resolve("@sketchreel/cli/bin/sketchreel.mjs");
const PAGE_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const run = promisify(execFile);

let stack: ClientStack;
let apiKey: string;
let video: Video;

beforeAll(async () => {
  stack = await startClientStack();
  apiKey = await stack.edge.createKey();
  const client = new Sketchreel({ apiKey, baseUrl: stack.edge.url });
  video = await client.videos.createAndWait({
    prompt: "a green square rises from the bottom edge",
    num_inference_steps: 2,
  });
});
afterAll(async () => stack?.stop());

describe("sketchreel notion add (the CLI, the real edge, a recording stand-in for Notion's API)", () => {
  it("appends the edge's embed URL for the video as an embed block", async () => {
    const notion = await startRecordingServer([appended("embed")]);
    try {
      const { stdout } = await run(
        process.execPath,
        [CLI, "notion", "add", "--page", PAGE_ID.replaceAll("-", ""), "--video", video.id, "--json"],
        {
          env: {
            ...process.env,
            NOTION_TOKEN: "ntn_test_secret",
            NOTION_API_BASE_URL: notion.url,
            SKETCHREEL_API_KEY: apiKey,
            SKETCHREEL_BASE_URL: stack.edge.url,
          },
        },
      );
      expect(JSON.parse(stdout)).toMatchObject({
        video: video.id,
        pageId: PAGE_ID,
        type: "embed",
        url: video.share!.embed_url,
      });
      expect(video.share!.embed_url).toMatch(new RegExp(`^${stack.edge.url}/embed/shr_`));
      expect(notion.requests).toHaveLength(1);
      expect(notion.requests[0]).toMatchObject({
        method: "PATCH",
        path: `/v1/blocks/${PAGE_ID}/children`,
        body: {
          children: [
            {
              object: "block",
              type: "embed",
              embed: { url: video.share!.embed_url, caption: [{ type: "text", text: { content: video.prompt } }] },
            },
          ],
        },
      });
    } finally {
      await notion.close();
    }
  });

  it("fails with exit code 1 and a message naming the missing variable", async () => {
    const failure = await run(process.execPath, [CLI, "notion", "add", "--page", PAGE_ID, "--video", video.id], {
      env: { PATH: process.env.PATH, SKETCHREEL_API_KEY: apiKey, SKETCHREEL_BASE_URL: stack.edge.url },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("NOTION_TOKEN is required") });
  });
});
