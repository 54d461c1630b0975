import type { GenerationRequest } from "@sketchreel/contract";
import type { VideoFrames } from "@sketchreel/pipeline";
import type { JobProgress } from "./heartbeat.js";

/**
 * The slice of `@sketchreel/pipeline`'s `Pipeline` the service uses (structurally identical to
 * `Pipeline.run`), so the service is tested with the real pipeline and stays decoupled from how the
 * ONNX backend is built.
 */
export interface JobPipeline {
  run(
    request: GenerationRequest,
    options: { signal?: AbortSignal; onProgress?: (progress: JobProgress) => void },
  ): Promise<{ request: { seed: number }; video: VideoFrames; timings_ms: Record<string, number> }>;
}
