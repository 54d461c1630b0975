import { execFileSync } from "node:child_process";
import { PromptOutOfVocabularyError, Sketchreel, type Video } from "@sketchreel/sdk";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { startTestRunner } from "../support/lease-runner.js";
import { type ClientStack, startClientStack } from "../support/stack.js";

// A prompt that would run script if the page interpolated it as HTML. The embedded model's vocabulary
// gate refuses it before it is stored; the edge's src/embed/page.test.ts checks the page escapes it.
const HOSTILE = `A red ball falls <img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script> & "quotes"`;
const PROMPT = "A red ball falls from the top-left, while a blue cube stays on the right.";
/** Where Notion puts the iframe: the default FRAME_ANCESTORS allow it. */
const NOTION = "https://www.notion.so";

let stack: ClientStack;
let browser: Browser;
let video: Video;
let client: Sketchreel;
const dialogs: string[] = [];

beforeAll(async () => {
  // No standing runner: the refresh test keeps a video queued until it starts one.
  stack = await startClientStack({ runner: false });
  client = new Sketchreel({ apiKey: await stack.edge.createKey(), baseUrl: stack.edge.url });
  const runner = startTestRunner(stack.edge, stack.s3);
  video = await client.videos.createAndWait({ prompt: PROMPT, num_inference_steps: 2 }, { timeout: 30_000 });
  await runner.stop();
  // The test's "Notion" page is public and the edge is on loopback: Chromium's Local Network Access
  // check would refuse that frame (a real deployment's edge is public, like Notion).
  browser = await launchChromium(["--disable-features=LocalNetworkAccessChecks"]);
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

/**
 * A page at `origin` (served by Playwright, no network) holding the embed in a borderless
 * `width`×`height` iframe at its top-left corner, the viewport exactly that size: what a Notion
 * embed block is.
 */
async function framedIn(origin: string, embedUrl: string, width: number, height: number, pageOptions = {}) {
  const page = await browser.newPage({ viewport: { width, height }, ...pageOptions });
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html><body style="margin:0;background:#fff"><iframe src="${embedUrl}" width="${width}" height="${height}" style="border:0;display:block" allow="autoplay"></iframe></body></html>`,
    }),
  );
  await page.goto(`${origin}/host`);
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  if (!frame) throw new Error("the iframe has no frame");
  return { page, frame };
}

/** The screenshot's pixels as RGB rows (PNG decoded by ffmpeg). */
function decodePng(png: Buffer, width: number, height: number) {
  const rgb = execFileSync("ffmpeg", ["-v", "error", "-i", "pipe:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], {
    input: png,
    maxBuffer: width * height * 3 + 1024,
  });
  expect(rgb.length).toBe(width * height * 3);
  return (x: number, y: number) => [...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
}

/**
 * The drawn picture's extent along the middle row and the middle column of a screenshot: from the
 * centre outwards until the letterbox (pure black) begins. The clip's own background is (24, 24, 32),
 * so every picture pixel is brighter than black, even under the caption's or the controls' shade.
 */
function pictureExtent(pixel: (x: number, y: number) => number[], width: number, height: number) {
  const isPicture = (x: number, y: number) => Math.max(...pixel(x, y)) > 4;
  const [cx, cy] = [Math.floor(width / 2), Math.floor(height / 2)];
  let [left, right, top, bottom] = [cx, cx, cy, cy];
  while (left > 0 && isPicture(left - 1, cy)) left--;
  while (right < width - 1 && isPicture(right + 1, cy)) right++;
  while (top > 0 && isPicture(cx, top - 1)) top--;
  while (bottom < height - 1 && isPicture(cx, bottom + 1)) bottom++;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

const playing = (frame: Frame) =>
  frame.locator("video").evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0.2);

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

  // 4:3 and 16:9 frames (the square clip fills their height) and a portrait one (it fills the width).
  it.each([
    [400, 300],
    [800, 600],
    [1280, 720],
    [300, 500],
  ])("fills a %i×%i iframe on a Notion page at the video's aspect ratio", async (width, height) => {
    const { page, frame } = await framedIn(NOTION, video.share!.embed_url, width, height);
    await expect.poll(() => playing(frame), { timeout: 15_000 }).toBe(true);
    // The element covers the frame; `object-fit: contain` draws the picture as large as fits.
    expect(await frame.locator("video").boundingBox()).toEqual({ x: 0, y: 0, width, height });
    // Chromium's own control bar fades in and out over the picture's bottom: measure without it.
    await frame.locator("video").evaluate((v: HTMLVideoElement) => {
      v.controls = false;
    });
    await page.waitForTimeout(100);
    const side = Math.min(width, height); // the clip is 64×64
    const picture = pictureExtent(decodePng(await page.screenshot(), width, height), width, height);
    expect(Math.abs(picture.width - side), JSON.stringify(picture)).toBeLessThanOrEqual(2);
    expect(Math.abs(picture.height - side), JSON.stringify(picture)).toBeLessThanOrEqual(2);
    expect(Math.abs(picture.left - (width - side) / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(picture.top - (height - side) / 2)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("may be framed by Notion but not by another site (CSP frame-ancestors)", async () => {
    const elsewhere = await framedIn("https://elsewhere.example", video.share!.embed_url, 400, 300);
    await expect.poll(() => elsewhere.frame.url()).toMatch(/^chrome-error:/);
    expect(await elsewhere.frame.locator("video").count()).toBe(0);
    await elsewhere.page.close();
    const notion = await framedIn(NOTION, video.share!.embed_url, 400, 300);
    expect(notion.frame.url()).toBe(video.share!.embed_url);
    expect(await notion.frame.locator("video").count()).toBe(1);
    await notion.page.close();
  });

  it("reloads an unfinished video's page until it is done, without scripts, and then stops", async () => {
    const pending = await client.videos.create({ prompt: "a blue square falls from the top to the bottom" });
    expect(pending.status).toBe("queued");
    const { page, frame } = await framedIn(NOTION, pending.share!.embed_url, 640, 360, { javaScriptEnabled: false });
    const loads: number[] = [];
    page.on("framenavigated", (navigated) => {
      if (navigated === frame) loads.push(Date.now());
    });
    expect(await frame.locator(".pending").textContent()).toBe("This video is queued.");
    await expect.poll(() => loads.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2); // reloaded twice, still queued
    expect(await frame.locator("video").count()).toBe(0);

    const runner = startTestRunner(stack.edge, stack.s3);
    try {
      await expect.poll(() => frame.locator("video").count(), { timeout: 30_000, interval: 250 }).toBe(1);
    } finally {
      await runner.stop();
    }
    const doneAt = loads.length;
    await new Promise((resolve) => setTimeout(resolve, 7_000)); // more than two refresh periods
    expect(loads.length).toBe(doneAt);
    expect(await frame.locator("meta[http-equiv]").count()).toBe(0);
    await page.close();
  }, 90_000);
});
