import type { Model, ModelList } from "@sketchreel/sdk";

/** One quick button: `value` goes in its data attribute, `label` on its face. */
export interface QuickOption {
  value: string;
  label: string;
  title: string;
}

/** The quick buttons a model offers: exactly its advertised durations and sizes. */
export interface QuickActions {
  modelId: string;
  fps: number;
  /** One per supported frame count; value = num_frames. */
  durations: QuickOption[];
  /** One per supported size; value = "WxH". */
  sizes: QuickOption[];
  defaultDuration: string;
  defaultSize: string;
}

/** The model a request without `model` gets (the plugin never names one). */
export function defaultModel(list: ModelList): Model | undefined {
  return list.data.find((m) => m.default) ?? list.data[0];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const sizeValue = (width: number, height: number) => `${width}x${height}`;

/** "64²" for a square, "256×144 · 16:9" otherwise. */
function sizeOption(width: number, height: number): QuickOption {
  const d = gcd(width, height);
  const label = width === height ? `${width}²` : `${width}×${height} · ${width / d}:${height / d}`;
  return { value: sizeValue(width, height), label, title: `${width} × ${height} pixels` };
}

/**
 * Reads the quick actions off a model's capabilities (`GET /v1/models`), so the plugin offers what the
 * model makes and grows with it: no size or duration is written in the plugin. A model that takes any
 * size in a range (`sizes: null`) offers its default size.
 */
export function quickActionsFor(model: Model): QuickActions {
  const { defaults } = model;
  const sizes = model.sizes ?? [{ width: defaults.width, height: defaults.height }];
  return {
    modelId: model.id,
    fps: model.fps,
    durations: model.frame_counts.map((frames, i) => {
      const seconds = Number((model.durations[i] ?? frames / model.fps).toFixed(2));
      return { value: String(frames), label: `${seconds} s`, title: `${frames} frames at ${model.fps} fps` };
    }),
    sizes: sizes.map(({ width, height }) => sizeOption(width, height)),
    defaultDuration: String(defaults.num_frames),
    defaultSize: sizeValue(defaults.width, defaults.height),
  };
}

/** "256x144" → { width: 256, height: 144 }. */
export function parseSize(value: string): { width: number; height: number } | null {
  const match = /^(\d+)x(\d+)$/.exec(value);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}
