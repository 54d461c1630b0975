/**
 * Every message between the plugin's main thread and its UI iframe: one discriminated union per
 * direction, switched on `type`. Shared by both sides so a change breaks the compile, not the user.
 */

/** The generation parameters a preview remembers (plugin data) so "regenerate" can reuse them. */
export interface PreviewParams {
  width: number;
  height: number;
  num_frames: number;
  fps: number;
  seed: number;
}

/** What a preview frame stores as plugin data (key `PREVIEW_DATA_KEY`). */
export interface StoredPreview {
  videoId: string;
  prompt: string;
  params: PreviewParams;
  /** The player page (`share.embed_url`), for "open". */
  embedUrl: string | null;
}

export const PREVIEW_DATA_KEY = "sketchreel.preview";

/**
 * The relaunch button every preview carries (`setRelaunchData`): Figma shows it when the preview is
 * selected, and clicking it runs the plugin with `figma.command` set to `command`. The manifest's
 * `relaunchButtons` must list it (scripts/manifest.ts builds them from this).
 */
export const REGENERATE_RELAUNCH = {
  command: "regenerate",
  name: "Regenerate",
  description: "Same prompt and size, a new seed, placed beside it",
} as const;

export interface Settings {
  apiKey: string;
  baseUrl: string;
}

/** UI → main. */
export type UiToMain =
  | { type: "ui-ready" }
  | { type: "save-settings"; settings: Settings }
  | {
      type: "insert-preview";
      preview: StoredPreview;
      /** The animated GIF (image fill of the preview). */
      gif: Uint8Array;
      /** PNG keyframes for the storyboard row: first, middle, last (or just the poster). */
      keyframes: Uint8Array[];
      /** Place next to this node (the preview being regenerated) instead of at the viewport center. */
      besideNodeId: string | null;
    }
  | { type: "open-external"; url: string }
  | { type: "notify"; message: string; error: boolean };

/** main → UI. */
export type MainToUi =
  | { type: "settings"; settings: Settings | null }
  | { type: "selection"; preview: StoredPreview | null; nodeId: string | null }
  | { type: "inserted"; nodeId: string }
  /** The plugin was launched by a preview's relaunch button: regenerate the selected preview. */
  | { type: "relaunch"; command: typeof REGENERATE_RELAUNCH.command }
  | { type: "error"; message: string };

export function isStoredPreview(value: unknown): value is StoredPreview {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<StoredPreview>;
  const p = v.params as Partial<PreviewParams> | undefined;
  return (
    typeof v.videoId === "string" &&
    typeof v.prompt === "string" &&
    (typeof v.embedUrl === "string" || v.embedUrl === null) &&
    typeof p === "object" &&
    p !== null &&
    (["width", "height", "num_frames", "fps", "seed"] as const).every((k) => typeof p[k] === "number")
  );
}
