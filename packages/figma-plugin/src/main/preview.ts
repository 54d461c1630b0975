import { isStoredPreview, PREVIEW_DATA_KEY, REGENERATE_RELAUNCH, type StoredPreview } from "../shared/messages.js";

/** Layout of a preview frame, in canvas pixels. */
export const LAYOUT = { padding: 16, gap: 12, keyframeGap: 8, displayWidth: 320, besideGap: 48 } as const;

export interface PreviewContent {
  preview: StoredPreview;
  gif: Uint8Array;
  keyframes: Uint8Array[];
}

/**
 * Builds the preview on the current page: a vertical auto-layout frame holding the GIF as an image
 * fill and, under it, a row of keyframes; the prompt, params and video id go in plugin data.
 * Placed at the viewport center, or to the right of `beside` (the preview being regenerated).
 */
export function insertPreview(api: PluginAPI, content: PreviewContent, beside: SceneNode | null): FrameNode {
  const { preview } = content;
  const scale = LAYOUT.displayWidth / preview.params.width;
  const width = LAYOUT.displayWidth;
  const height = Math.round(preview.params.height * scale);

  const frame = api.createFrame();
  frame.name = `Sketchreel · ${preview.prompt.slice(0, 48)}`;
  frame.layoutMode = "VERTICAL";
  frame.primaryAxisSizingMode = "AUTO";
  frame.counterAxisSizingMode = "AUTO";
  frame.itemSpacing = LAYOUT.gap;
  frame.paddingTop = frame.paddingBottom = frame.paddingLeft = frame.paddingRight = LAYOUT.padding;
  frame.fills = [{ type: "SOLID", color: { r: 24 / 255, g: 24 / 255, b: 32 / 255 } }];

  const player = api.createRectangle();
  player.name = "GIF preview";
  player.resize(width, height);
  player.fills = [imageFill(api, content.gif)];
  frame.appendChild(player);

  if (content.keyframes.length > 0) {
    const row = api.createFrame();
    row.name = "Storyboard";
    row.layoutMode = "HORIZONTAL";
    row.primaryAxisSizingMode = "AUTO";
    row.counterAxisSizingMode = "AUTO";
    row.itemSpacing = LAYOUT.keyframeGap;
    row.fills = [];
    const count = content.keyframes.length;
    const thumbWidth = Math.floor((width - LAYOUT.keyframeGap * (count - 1)) / count);
    const thumbHeight = Math.round(thumbWidth * (preview.params.height / preview.params.width));
    content.keyframes.forEach((png, i) => {
      const thumb = api.createRectangle();
      thumb.name = count === 1 ? "Poster" : (["First frame", "Middle frame", "Last frame"][i] ?? `Frame ${i + 1}`);
      thumb.resize(thumbWidth, thumbHeight);
      thumb.fills = [imageFill(api, png)];
      row.appendChild(thumb);
    });
    frame.appendChild(row);
  }

  frame.setPluginData(PREVIEW_DATA_KEY, JSON.stringify(preview));
  frame.setRelaunchData({ [REGENERATE_RELAUNCH.command]: REGENERATE_RELAUNCH.description });
  api.currentPage.appendChild(frame);
  if (beside) {
    frame.x = beside.x + beside.width + LAYOUT.besideGap;
    frame.y = beside.y;
  } else {
    const center = api.viewport.center;
    frame.x = Math.round(center.x - frame.width / 2);
    frame.y = Math.round(center.y - frame.height / 2);
  }
  api.currentPage.selection = [frame];
  return frame;
}

function imageFill(api: PluginAPI, bytes: Uint8Array): ImagePaint {
  return { type: "IMAGE", imageHash: api.createImage(bytes).hash, scaleMode: "FILL" };
}

/** The preview a node belongs to (the node itself or an ancestor with our plugin data), if any. */
export function findPreview(node: BaseNode | null): { node: SceneNode; preview: StoredPreview } | null {
  for (
    let current = node;
    current && current.type !== "PAGE" && current.type !== "DOCUMENT";
    current = current.parent
  ) {
    const raw = current.getPluginData(PREVIEW_DATA_KEY);
    if (!raw) continue;
    try {
      const preview: unknown = JSON.parse(raw);
      if (isStoredPreview(preview)) return { node: current as SceneNode, preview };
    } catch {
      // Foreign or damaged data: not ours to interpret.
    }
  }
  return null;
}
