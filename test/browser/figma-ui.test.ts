import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlugin } from "@sketchreel/figma-plugin/build";
import type { MainToUi, UiToMain } from "@sketchreel/figma-plugin/messages";
import { type Model, Sketchreel } from "@sketchreel/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { media } from "../support/media.js";
import { type ClientStack, startClientStack } from "../support/stack.js";
import { startFigmaHarness } from "./figma-harness.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

let stack: ClientStack;
let browser: Browser;
let harness: Awaited<ReturnType<typeof startFigmaHarness>>;
let page: Page;
let apiKey: string;
let model: Model;
const out = mkdtempSync(join(tmpdir(), "sketchreel-figma-"));

beforeAll(async () => {
  stack = await startClientStack({ runner: { stepDelayMs: 60 } });
  const built = await buildPlugin({ outDir: out, apiOrigin: stack.edge.url, storageOrigin: stack.s3.endpoint });
  apiKey = await stack.edge.createKey();
  model = await new Sketchreel({ apiKey, baseUrl: stack.edge.url }).models.get("shape-world-tiny");
  harness = await startFigmaHarness(readFileSync(built.ui, "utf8"), null); // first run: no key stored yet
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => console.error(JSON.stringify({ msg: "page error", error: String(error) })));
  await page.goto(harness.url);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await stack?.stop();
  rmSync(out, { recursive: true, force: true });
});

const ui = () => page.frameLocator("#plugin");
const fromUi = () => page.evaluate(() => (window as unknown as { fromUi: UiToMain[] }).fromUi);
/** Sends a message to the UI as the plugin's main thread would. */
const toUi = (message: MainToUi) =>
  page.evaluate((m) => (window as unknown as { toUi: (m: MainToUi) => void }).toUi(m), message);
const inserts = async () =>
  (await fromUi()).flatMap((m) =>
    m.type === "insert-preview" ? [{ preview: m.preview, besideNodeId: m.besideNodeId }] : [],
  );
/** Clicks `button`, waits for the preview it makes to reach the (stand-in) main thread, returns its params. */
async function insertAfter(click: () => Promise<void>) {
  const before = (await inserts()).length;
  await click();
  await expect.poll(async () => (await inserts()).length, { timeout: 30_000 }).toBe(before + 1);
  return (await inserts()).at(-1)!;
}

describe("Figma plugin UI in headless Chromium, against the real edge", () => {
  it("asks for the API key first, with the build's API URL filled in, and saves it through the main thread", async () => {
    await expect.poll(() => ui().locator("#settings").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await ui().locator("#base-url").inputValue()).toBe(stack.edge.url);
    // The field says which origins this build can reach, and refuses another before saving it.
    expect(await ui().locator("#allowed-origins").textContent()).toBe(
      `This build of the plugin can reach ${stack.edge.url}, ${stack.s3.endpoint}. Another API needs a build that allows it: SKETCHREEL_ALLOWED_DOMAINS (see the plugin's README).`,
    );
    await ui().locator("#api-key").fill(apiKey);
    await ui().locator("#base-url").fill("https://api.example.com");
    await ui().locator("#save-settings").click();
    expect(await ui().locator("#settings-error").textContent()).toContain(
      "This build of the plugin cannot reach https://api.example.com",
    );
    expect((await fromUi()).filter((m) => m.type === "save-settings")).toEqual([]);
    await ui().locator("#base-url").fill(stack.edge.url);
    await ui().locator("#save-settings").click();
    await expect.poll(() => ui().locator("#composer").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await fromUi()).toContainEqual({ type: "save-settings", settings: { apiKey, baseUrl: stack.edge.url } });
  });

  it("shows a lint hint for a vague prompt as the user types", async () => {
    await ui().locator("#prompt").pressSequentially("a red ball near a green square", { delay: 10 });
    const hint = ui().locator('#hints li[data-code="vague_spatial_word"]');
    await expect.poll(() => hint.count(), { timeout: 10_000 }).toBe(1);
    expect(await hint.textContent()).toContain('"near"');
  });

  it("loads the templates into the picker", async () => {
    await expect.poll(() => ui().locator("#template option").count(), { timeout: 10_000 }).toBeGreaterThan(1);
  });

  it("offers exactly the durations and sizes the model advertises (GET /v1/models), its defaults pressed", async () => {
    const durations = ui().locator("#durations button");
    await expect.poll(() => durations.count(), { timeout: 10_000 }).toBe(model.frame_counts.length);
    expect(await durations.evaluateAll((bs) => bs.map((b) => (b as HTMLButtonElement).dataset.frames))).toEqual(
      model.frame_counts.map(String),
    );
    expect(await durations.allTextContents()).toEqual(model.durations.map((s) => `${s} s`));
    const sizes = ui().locator("#resolutions button");
    expect(await sizes.evaluateAll((bs) => bs.map((b) => (b as HTMLButtonElement).dataset.size))).toEqual(
      (model.sizes ?? []).map((s) => `${s.width}x${s.height}`),
    );
    expect(await ui().locator('#durations button[aria-pressed="true"]').getAttribute("data-frames")).toBe(
      String(model.defaults.num_frames),
    );
    expect(await ui().locator('#resolutions button[aria-pressed="true"]').getAttribute("data-size")).toBe(
      `${model.defaults.width}x${model.defaults.height}`,
    );
  });

  it("shows the out-of-vocabulary hint before submitting, and submits nothing", async () => {
    await ui().locator("#prompt").fill("a cat jumps over a dog");
    await ui().locator("#generate").click();
    await expect
      .poll(() => ui().locator("#status").textContent(), { timeout: 10_000 })
      .toBe("The model cannot draw this prompt: see the hints above.");
    const errors = ui().locator("#hints li.hint-error");
    expect(await errors.allTextContents()).toEqual([
      '"cat" is not a word the model knows',
      '"jumps" is not a word the model knows Try: moves',
      '"over" is not a word the model knows Try: above',
      '"dog" is not a word the model knows Try: dot',
    ]);
    // "dot" is one of the model's shapes, so "dog" reads as an unknown shape.
    expect(await errors.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.code))).toEqual([
      "unknown_word",
      "unknown_word",
      "unknown_word",
      "unknown_shape",
    ]);
    expect(await inserts()).toEqual([]);
    const client = new Sketchreel({ apiKey, baseUrl: stack.edge.url });
    expect((await client.videos.list()).data).toEqual([]);
  });

  it("generates: progress climbs to 100 %, then the GIF and PNG keyframes go to the main thread", async () => {
    await ui()
      .locator("#prompt")
      .fill("A yellow ball rolls from the left edge to the center while a blue cube stays on the right");
    await ui().locator("#seed").fill("7");
    // Record every progress value the user sees, from inside the iframe.
    await ui()
      .locator("#progress")
      .evaluate((bar: HTMLProgressElement) => {
        const seen: number[] = [];
        (window as unknown as { seen: number[] }).seen = seen;
        new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true });
        setInterval(() => seen.at(-1) !== bar.value && seen.push(bar.value), 10);
      });
    await ui().locator("#generate").click();
    await expect
      .poll(
        () =>
          ui()
            .locator("#progress")
            .evaluate((bar: HTMLProgressElement) => bar.value),
        { timeout: 30_000 },
      )
      .toBe(100);
    await expect
      .poll(() => ui().locator("#status").textContent(), { timeout: 10_000 })
      .toContain("inserted on the canvas");
    const seen = await ui()
      .locator("#progress")
      .evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(
      seen.some((v) => v > 0 && v < 100),
      `progress values seen: ${seen.join(",")}`,
    ).toBe(true);

    const insert = (await fromUi()).find((m) => m.type === "insert-preview");
    if (insert?.type !== "insert-preview") throw new Error("the UI never asked the main thread to insert a preview");
    expect(insert.preview).toMatchObject({
      videoId: expect.stringMatching(/^vid_/),
      prompt: expect.stringContaining("yellow ball"),
      params: { width: 64, height: 64, num_frames: 16, fps: 8, seed: 7 },
      embedUrl: expect.stringContaining(`${stack.edge.url}/embed/shr_`),
    });
    expect(Uint8Array.from(Object.values(insert.gif))).toEqual(media().gif.bytes);
    expect(insert.keyframes).toHaveLength(3);
    for (const png of insert.keyframes) expect([...Object.values(png)].slice(0, 4)).toEqual(PNG_SIGNATURE);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "figma-ui.png") });
  });

  it("regenerates the selected preview with a new seed, placed beside it", async () => {
    const before = (await fromUi()).filter((m) => m.type === "insert-preview").length;
    await ui().locator("#regenerate").click();
    await expect
      .poll(async () => (await fromUi()).filter((m) => m.type === "insert-preview").length, { timeout: 30_000 })
      .toBe(before + 1);
    const inserts = (await fromUi()).filter((m) => m.type === "insert-preview");
    const [first, second] = inserts.slice(-2);
    if (first?.type !== "insert-preview" || second?.type !== "insert-preview") throw new Error("unreachable");
    expect(second.preview.prompt).toBe(first.preview.prompt);
    expect(second.preview.params.seed).not.toBe(first.preview.params.seed);
    expect(second.besideNodeId).toBe("12:34");
  });

  it("regenerates the selected preview when Figma's Regenerate relaunch button started the plugin", async () => {
    const [source] = await inserts();
    if (!source) throw new Error("no preview yet");
    const made = await insertAfter(async () => {
      await toUi({ type: "selection", preview: source.preview, nodeId: "56:78" });
      await toUi({ type: "relaunch", command: "regenerate" });
    });
    expect(made.besideNodeId).toBe("56:78");
    expect(made.preview.prompt).toBe(source.preview.prompt);
    expect(made.preview.params).toMatchObject({
      width: source.preview.params.width,
      num_frames: source.preview.params.num_frames,
    });
    expect(made.preview.params.seed).not.toBe(source.preview.params.seed);
    await toUi({ type: "selection", preview: null, nodeId: null });
  });

  it("cancels a generation in flight: the API cancels the video and nothing is inserted", async () => {
    expect(await ui().locator("#cancel").isVisible()).toBe(false);
    const before = (await inserts()).length;
    await ui().locator("#prompt").fill("A white triangle moves from the top-left to the bottom-right.");
    await ui().locator("#generate").click();
    await expect.poll(() => ui().locator("#cancel").isEnabled(), { timeout: 10_000 }).toBe(true);
    await ui().locator("#cancel").click();
    await expect
      .poll(() => ui().locator("#status").textContent(), { timeout: 10_000 })
      .toMatch(/^Canceled: the API stopped vid_\w+; nothing is inserted\.$/);
    const id = /vid_\w+/.exec((await ui().locator("#status").textContent()) ?? "")![0];
    const client = new Sketchreel({ apiKey, baseUrl: stack.edge.url });
    await expect.poll(async () => (await client.videos.get(id)).status, { timeout: 10_000 }).toBe("canceled");
    expect(await ui().locator("#cancel").isVisible()).toBe(false);
    expect(await ui().locator("#generate").isEnabled()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await inserts()).length).toBe(before);
  });

  it("clicks every offered duration and size, and each one succeeds end to end", async () => {
    await ui().locator("#prompt").fill("A red ball moves from the left to the right.");
    await ui().locator("#seed").fill("");
    for (const frames of model.frame_counts) {
      const made = await insertAfter(async () => {
        await ui().locator(`#durations button[data-frames="${frames}"]`).click();
        await ui().locator("#generate").click();
      });
      expect(made.preview.params).toMatchObject({ num_frames: frames, fps: model.fps });
    }
    for (const { width, height } of model.sizes ?? []) {
      const made = await insertAfter(async () => {
        await ui().locator(`#resolutions button[data-size="${width}x${height}"]`).click();
        await ui().locator("#generate").click();
      });
      expect(made.preview.params).toMatchObject({ width, height });
    }
    const again = await insertAfter(() => ui().locator("#regenerate").click());
    expect(again.preview.prompt).toBe("A red ball moves from the left to the right.");
    expect(await ui().locator("#status").textContent()).toContain("inserted on the canvas");
  });
});
