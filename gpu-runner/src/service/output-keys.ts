import type { Variant } from "@sketchreel/contract";

/** Object names of one attempt's outputs, one per variant. */
export const OUTPUT_NAMES: Record<Variant, string> = {
  mp4: "video.mp4",
  webm: "video.webm",
  gif: "preview.gif",
  poster: "poster.png",
};

/**
 * Where an attempt uploads a variant: under the job's `output_prefix`, in a folder of its own
 * (`attempt-N/`). A runner that lost its lease but still reaches S3 can therefore never overwrite
 * the objects of the attempt that completed; the edge keeps only the completing attempt's objects
 * and deletes the rest of the prefix.
 */
export function outputKey(prefix: string, attempt: number, variant: Variant): string {
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
  return `${base}attempt-${attempt}/${OUTPUT_NAMES[variant]}`;
}
