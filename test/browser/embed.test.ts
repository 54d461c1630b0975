import { PromptOutOfVocabularyError, Sketchreel, type Video } from "@sketchreel/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { type ClientStack, startClientStack } from "../support/stack.js";

// A prompt that would run script if the page interpolated it as HTML. The embedded model's vocabulary
// gate refuses it before it is stored; the edge's src/embed/page.test.ts checks the page escapes it.
const HOSTILE = `A red ball falls <img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script> & "quotes"`;
const PROMPT = "A red ball falls from the top-left, while a blue cube stays on the right.";

let stack: ClientStack;
let browser: Browser;
let video: Video;
let client: Sketchreel;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startClientStack();
  client = new Sketchreel({ apiKey: await stack.edge.createKey(), baseUrl: stack.edge.url });
  video = await client.videos.createAndWait({ prompt: PROMPT, num_inference_steps: 2 }, { timeout: 30_000 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openEmbed(): Promise<Page> {
  const page = await browser.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(video.share!.embed_url);
  expect(response?.status()).toBe(200);
  return page;
}

describe("the embed page (Notion's iframe) in headless Chromium", () => {
  it("plays the video: muted autoplay, loop, poster, and time advances", async () => {
    const page = await openEmbed();
    const player = page.locator("video");
    expect(
      await player.evaluate((v: HTMLVideoElement) => ({ muted: v.muted, loop: v.loop, poster: v.poster !== "" })),
    ).toEqual({
      muted: true,
      loop: true,
      poster: true,
    });
    await expect
      .poll(() => player.evaluate((v: HTMLVideoElement) => (v.error ? `error ${v.error.code}` : v.currentTime)), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0.2);
    expect(await player.evaluate((v: HTMLVideoElement) => [v.readyState >= 2, v.videoWidth, v.videoHeight])).toEqual([
      true,
      64,
      64,
    ]);
    await page.close();
  });

  it("shows the prompt as text; one containing HTML never gets that far (422 prompt_out_of_vocabulary)", async () => {
    const refused = await client.videos.create({ prompt: HOSTILE }).catch((e) => e);
    expect(refused).toBeInstanceOf(PromptOutOfVocabularyError);
    expect(refused.vocabularyErrors.map((e: { word: string }) => e.word)).toContain("<");
    const page = await openEmbed();
    expect(await page.locator("footer p").textContent()).toBe(video.prompt);
    expect(await page.locator("img, script, iframe, object").count()).toBe(0);
    expect(await page.title()).toBe(`Sketchreel — ${PROMPT}`);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
