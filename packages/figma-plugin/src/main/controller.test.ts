import { beforeEach, describe, expect, it } from "vitest";
import { FakeFigma, FakeFrame, FakeRectangle } from "../../test/fake-figma.js";
import {
  type MainToUi,
  PREVIEW_DATA_KEY,
  REGENERATE_RELAUNCH,
  type StoredPreview,
  type UiToMain,
} from "../shared/messages.js";
import { createController } from "./controller.js";
import { LAYOUT } from "./preview.js";

const GIF = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (c) => c.charCodeAt(0));
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);
const PREVIEW: StoredPreview = {
  videoId: "vid_3kTq9V0mXb2cLr8aZp1N",
  prompt: "a red ball falls",
  params: { width: 64, height: 64, num_frames: 16, fps: 8, seed: 42 },
  embedUrl: "http://127.0.0.1:8787/embed/shr_Yb7nQ2pLx0Vt4sKe9Ra1",
};

let figma: FakeFigma;
let controller: ReturnType<typeof createController>;
const send = (message: UiToMain) => controller.onMessage(message);
const sent = () => figma.uiMessages as MainToUi[];

beforeEach(() => {
  figma = new FakeFigma();
  controller = createController(figma.asPluginApi());
});

function insert(besideNodeId: string | null = null, keyframes = [PNG, PNG, PNG]) {
  return send({ type: "insert-preview", preview: PREVIEW, gif: GIF, keyframes, besideNodeId });
}

describe("main thread", () => {
  it("keeps the API key in clientStorage across plugin runs", async () => {
    await send({ type: "ui-ready" });
    expect(sent()).toEqual([
      { type: "settings", settings: null },
      { type: "selection", preview: null, nodeId: null },
    ]);
    const settings = { apiKey: "sr_test_abc", baseUrl: "http://127.0.0.1:8787" };
    await send({ type: "save-settings", settings });
    const rerun = createController(figma.asPluginApi()); // same clientStorage, fresh plugin run
    figma.uiMessages.length = 0;
    await rerun.onMessage({ type: "ui-ready" });
    expect(sent()[0]).toEqual({ type: "settings", settings });
  });

  it("inserts a frame at the viewport center: the GIF as an image fill, then first/middle/last keyframes", async () => {
    await insert();
    const [frame] = figma.currentPage.children;
    expect(frame).toBeInstanceOf(FakeFrame);
    if (!(frame instanceof FakeFrame)) return;
    const [player, storyboard] = frame.children;
    expect(player).toBeInstanceOf(FakeRectangle);
    expect(player!.width).toBe(LAYOUT.displayWidth);
    expect(player!.fills).toEqual([{ type: "IMAGE", imageHash: expect.any(String), scaleMode: "FILL" }]);
    expect(figma.images.get((player!.fills[0] as ImagePaint).imageHash!)).toEqual(GIF);
    expect(storyboard).toBeInstanceOf(FakeFrame);
    const thumbs = (storyboard as FakeFrame).children;
    expect(thumbs.map((t) => t.name)).toEqual(["First frame", "Middle frame", "Last frame"]);
    expect(storyboard!.width).toBeLessThanOrEqual(LAYOUT.displayWidth);
    // Centered on the viewport, to the pixel (positions are rounded to whole pixels).
    expect(Math.abs(frame.x + frame.width / 2 - figma.viewport.center.x)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(frame.y + frame.height / 2 - figma.viewport.center.y)).toBeLessThanOrEqual(0.5);
    expect(JSON.parse(frame.getPluginData(PREVIEW_DATA_KEY))).toEqual(PREVIEW);
    expect(figma.currentPage.selection).toEqual([frame]);
    expect(figma.scrolledTo).toEqual([[frame.id]]);
    expect(sent()).toContainEqual({ type: "inserted", nodeId: frame.id });
  });

  it("falls back to one poster thumbnail when no keyframes could be decoded", async () => {
    await insert(null, [PNG]);
    const storyboard = (figma.currentPage.children[0] as FakeFrame).children[1] as FakeFrame;
    expect(storyboard.children.map((t) => t.name)).toEqual(["Poster"]);
  });

  it("reports a selected preview (or any layer inside it) so regenerate and open can use it", async () => {
    await insert();
    const frame = figma.currentPage.children[0] as FakeFrame;
    const thumb = (frame.children[1] as FakeFrame).children[2]!;
    figma.uiMessages.length = 0;
    figma.currentPage.selection = [thumb];
    controller.reportSelection();
    figma.currentPage.selection = [];
    controller.reportSelection();
    const stranger = figma.createRectangle();
    figma.currentPage.appendChild(stranger);
    figma.currentPage.selection = [stranger];
    controller.reportSelection();
    expect(sent()).toEqual([
      { type: "selection", preview: PREVIEW, nodeId: frame.id },
      { type: "selection", preview: null, nodeId: null },
      { type: "selection", preview: null, nodeId: null },
    ]);
  });

  it("gives each preview the Regenerate relaunch button (a command the manifest lists)", async () => {
    await insert();
    const frame = figma.currentPage.children[0] as FakeFrame;
    expect(frame.getRelaunchData()).toEqual({ regenerate: "Same prompt and size, a new seed, placed beside it" });
    expect(() => frame.setRelaunchData({ remix: "" })).toThrow("not in the manifest's relaunchButtons");
  });

  it("launched by a preview's Regenerate button, asks the UI to regenerate the selection once it is ready", async () => {
    figma = new FakeFigma(REGENERATE_RELAUNCH.command);
    controller = createController(figma.asPluginApi());
    await insert();
    const frame = figma.currentPage.children[0] as FakeFrame;
    figma.uiMessages.length = 0;
    await send({ type: "ui-ready" });
    expect(sent()).toEqual([
      { type: "settings", settings: null },
      { type: "selection", preview: PREVIEW, nodeId: frame.id },
      { type: "relaunch", command: "regenerate" },
    ]);
    figma.uiMessages.length = 0;
    await send({ type: "ui-ready" }); // a reloaded UI does not regenerate again
    expect(sent().map((m) => m.type)).toEqual(["settings", "selection"]);
  });

  it("places a regenerated preview to the right of the one it replaces", async () => {
    await insert();
    const first = figma.currentPage.children[0] as FakeFrame;
    await insert(first.id);
    const second = figma.currentPage.children[1] as FakeFrame;
    expect(second.x).toBe(first.x + first.width + LAYOUT.besideGap);
    expect(second.y).toBe(first.y);
  });

  it("reports Figma's refusal of bytes that are not an image instead of throwing", async () => {
    await send({
      type: "insert-preview",
      preview: PREVIEW,
      gif: new TextEncoder().encode("<html>"),
      keyframes: [],
      besideNodeId: null,
    });
    expect(sent()).toContainEqual({ type: "error", message: "Image type is unsupported" });
  });

  it("opens only http(s) URLs, and relays notifications", async () => {
    await send({ type: "open-external", url: PREVIEW.embedUrl! });
    await send({ type: "open-external", url: "javascript:alert(1)" });
    await send({ type: "notify", message: "Copied", error: false });
    expect(figma.opened).toEqual([PREVIEW.embedUrl]);
    expect(figma.notifications).toEqual([{ message: "Copied", error: false }]);
  });
});
