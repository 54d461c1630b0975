import type { Variant } from "@sketchreel/contract";

/** Object names under a job's `output_prefix`, one per variant. */
export const OUTPUT_NAMES: Record<Variant, string> = {
  mp4: "video.mp4",
  webm: "video.webm",
  gif: "preview.gif",
  poster: "poster.png",
};

export function outputKey(prefix: string, variant: Variant): string {
  return prefix.endsWith("/") ? `${prefix}${OUTPUT_NAMES[variant]}` : `${prefix}/${OUTPUT_NAMES[variant]}`;
}
