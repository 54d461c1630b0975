import type { VideoFrames } from "@sketchreel/pipeline";
import type { JobProgress } from "./heartbeat.js";

/** What a job asks the pipeline for: the contract's resolved params plus the texts. */
export interface JobRequest {
  prompt: string;
  negative_prompt: string;
  width: number;
  height: number;
  num_frames: number;
  fps: number;
  num_inference_steps: number;
  guidance_scale: number;
  seed: number;
  scheduler: "unipc" | "euler";
}

/**
 * The slice of `@sketchreel/pipeline`'s `Pipeline` the service uses (structurally identical to
 * `Pipeline.run`), so the service is tested with the real pipeline and stays decoupled from how the
 * ONNX backend is built.
 */
export interface JobPipeline {
  run(
    request: JobRequest,
    options: { signal?: AbortSignal; onProgress?: (progress: JobProgress) => void },
  ): Promise<{ request: { seed: number }; video: VideoFrames; timings_ms: Record<string, number> }>;
}
