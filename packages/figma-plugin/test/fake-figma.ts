/**
 * A typed fake of the parts of Figma's plugin API the main thread uses (the Figma host cannot run
 * here). Each fake declares `implements Pick<RealType, …>` from @figma/plugin-typings, so a
 * signature that drifts from the real API fails the type check. It models what the code relies on:
 * a node tree, auto-layout "hug contents" sizing, plugin data, relaunch data whose commands the
 * manifest must list (as Figma requires), images that must be PNG/GIF/JPEG bytes (as Figma's
 * `createImage` requires), client storage, the viewport, the launch command and UI messages.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

let nextId = 1;

/** The commands of the committed manifest's `relaunchButtons`, which Figma checks `setRelaunchData` against. */
const MANIFEST_RELAUNCH_COMMANDS: string[] =
  (
    JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8")) as {
      relaunchButtons?: { command: string }[];
    }
  ).relaunchButtons?.map((b) => b.command) ?? [];

type Fills = ReadonlyArray<Paint>;

class FakeNode {
  readonly id = `${nextId}:${nextId++}`;
  name = "";
  x = 0;
  y = 0;
  parent: FakeFrame | FakePage | null = null;
  fills: Fills = [];
  protected ownWidth = 100;
  protected ownHeight = 100;
  private readonly pluginData = new Map<string, string>();
  private relaunchData: { [command: string]: string } = {};
  constructor(readonly type: "FRAME" | "RECTANGLE") {}

  get width(): number {
    return this.ownWidth;
  }
  get height(): number {
    return this.ownHeight;
  }
  resize(width: number, height: number): void {
    if (width < 0.01 || height < 0.01) throw new Error("resize: width and height must be >= 0.01");
    this.ownWidth = width;
    this.ownHeight = height;
  }
  getPluginData(key: string): string {
    return this.pluginData.get(key) ?? "";
  }
  setPluginData(key: string, value: string): void {
    if (typeof value !== "string") throw new Error("setPluginData: value must be a string");
    this.pluginData.set(key, value);
  }
  setRelaunchData(data: { [command: string]: string }): void {
    const unknown = Object.keys(data).filter((command) => !MANIFEST_RELAUNCH_COMMANDS.includes(command));
    if (unknown.length > 0)
      throw new Error(`setRelaunchData: ${unknown.join(", ")} is not in the manifest's relaunchButtons`);
    this.relaunchData = { ...data };
  }
  getRelaunchData(): { [command: string]: string } {
    return { ...this.relaunchData };
  }
  remove(): void {
    const siblings = this.parent?.children;
    siblings?.splice(siblings.indexOf(this as unknown as FakeSceneNode), 1);
    this.parent = null;
  }
}

/** Moves `child` under `container` (removing it from its old parent), as Figma's appendChild does. */
function adopt(container: FakeFrame | FakePage, child: FakeSceneNode): void {
  child.remove();
  child.parent = container;
  container.children.push(child);
}

/** What every fake node models of a real one (FakeNode's members), checked against each real node type. */
type NodeMembers =
  | "id"
  | "name"
  | "x"
  | "y"
  | "width"
  | "height"
  | "resize"
  | "getPluginData"
  | "setPluginData"
  | "setRelaunchData"
  | "getRelaunchData";

export class FakeRectangle extends FakeNode implements Pick<RectangleNode, NodeMembers> {
  constructor() {
    super("RECTANGLE");
  }
}

export class FakeFrame
  extends FakeNode
  implements
    Pick<
      FrameNode,
      | NodeMembers
      | "layoutMode"
      | "itemSpacing"
      | "paddingTop"
      | "paddingBottom"
      | "paddingLeft"
      | "paddingRight"
      | "primaryAxisSizingMode"
      | "counterAxisSizingMode"
    >
{
  readonly children: FakeSceneNode[] = [];
  layoutMode: FrameNode["layoutMode"] = "NONE";
  itemSpacing = 0;
  paddingTop = 0;
  paddingBottom = 0;
  paddingLeft = 0;
  paddingRight = 0;
  primaryAxisSizingMode: FrameNode["primaryAxisSizingMode"] = "FIXED";
  counterAxisSizingMode: FrameNode["counterAxisSizingMode"] = "FIXED";
  constructor() {
    super("FRAME");
  }
  appendChild(child: FakeSceneNode): void {
    adopt(this, child);
  }
  // Auto layout with "hug contents" on both axes, as Figma computes it.
  override get width(): number {
    if (this.layoutMode === "NONE") return this.ownWidth;
    const sizes = this.children.map((c) => c.width);
    const content = this.layoutMode === "HORIZONTAL" ? sum(sizes) + this.gaps() : Math.max(0, ...sizes);
    return content + this.paddingLeft + this.paddingRight;
  }
  override get height(): number {
    if (this.layoutMode === "NONE") return this.ownHeight;
    const sizes = this.children.map((c) => c.height);
    const content = this.layoutMode === "VERTICAL" ? sum(sizes) + this.gaps() : Math.max(0, ...sizes);
    return content + this.paddingTop + this.paddingBottom;
  }
  private gaps(): number {
    return Math.max(0, this.children.length - 1) * this.itemSpacing;
  }
}

export type FakeSceneNode = FakeFrame | FakeRectangle;

export class FakePage implements Pick<PageNode, "type"> {
  readonly type = "PAGE";
  readonly parent = null;
  readonly children: FakeSceneNode[] = [];
  selection: FakeSceneNode[] = [];
  appendChild(child: FakeSceneNode): void {
    adopt(this, child);
  }
}

const IMAGE_SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
];

export class FakeFigma
  implements
    Pick<
      PluginAPI,
      "command" | "createImage" | "viewport" | "clientStorage" | "notify" | "openExternal" | "getNodeByIdAsync"
    >
{
  readonly currentPage = new FakePage();
  readonly images = new Map<string, Uint8Array>();
  readonly uiMessages: unknown[] = [];
  readonly notifications: { message: string; error: boolean }[] = [];
  readonly opened: string[] = [];
  readonly scrolledTo: string[][] = [];
  private readonly storage = new Map<string, unknown>();

  /** `command`: what Figma passes when a relaunch button started the plugin ("" otherwise). */
  constructor(readonly command = "") {}

  readonly ui = { postMessage: (message: unknown) => this.uiMessages.push(structuredClone(message)) };
  readonly viewport = {
    center: { x: 1000, y: 600 },
    zoom: 1,
    bounds: { x: 0, y: 0, width: 2000, height: 1200 },
    scrollAndZoomIntoView: (nodes: ReadonlyArray<BaseNode>) => {
      this.scrolledTo.push(nodes.map((n) => n.id));
    },
  } as PluginAPI["viewport"];
  readonly clientStorage: ClientStorageAPI = {
    getAsync: async (key) => structuredClone(this.storage.get(key)),
    setAsync: async (key, value) => {
      this.storage.set(key, structuredClone(value));
    },
    deleteAsync: async (key) => {
      this.storage.delete(key);
    },
    keysAsync: async () => [...this.storage.keys()],
  };

  createFrame(): FakeFrame {
    return new FakeFrame();
  }
  createRectangle(): FakeRectangle {
    return new FakeRectangle();
  }
  createImage(data: Uint8Array): Image {
    if (!IMAGE_SIGNATURES.some((sig) => sig.every((b, i) => data[i] === b))) {
      throw new Error("Image type is unsupported");
    }
    const hash = createHash("sha1").update(data).digest("hex");
    this.images.set(hash, data);
    return { hash, getBytesAsync: async () => data, getSizeAsync: async () => ({ width: 0, height: 0 }) };
  }
  notify(message: string, options?: NotificationOptions): NotificationHandler {
    this.notifications.push({ message, error: options?.error ?? false });
    return { cancel: () => {} };
  }
  openExternal(url: string): void {
    this.opened.push(url);
  }
  async getNodeByIdAsync(id: string): Promise<BaseNode | null> {
    const walk = (nodes: FakeSceneNode[]): FakeSceneNode | undefined => {
      for (const node of nodes) {
        if (node.id === id) return node;
        const inner = node instanceof FakeFrame ? walk(node.children) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    return (walk(this.currentPage.children) ?? null) as unknown as BaseNode | null;
  }

  /** The fake as the `PluginAPI` the code under test takes: the one cast, covering members it never touches. */
  asPluginApi(): PluginAPI {
    return this as unknown as PluginAPI;
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
