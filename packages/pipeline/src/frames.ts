/**
 * A decoded clip: what the pipeline produces and every encoder consumes.
 * Each frame is RGB24, row-major, top-left first: `frames[i].length === width * height * 3`.
 */
export interface VideoFrames {
  width: number;
  height: number;
  fps: number;
  frames: Uint8Array[];
}
