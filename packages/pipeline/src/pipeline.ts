import type { Stage } from "@sketchreel/contract";
import type { InferenceBackend } from "./backend.js";
import { AbortError } from "./errors.js";
import type { VideoFrames } from "./frames.js";
import { ModelGraphs } from "./graphs.js";
import { textEncoderDigest } from "./model-package/digest.js";
import { loadModelPackage, type ModelPackage } from "./model-package/load-model-package.js";
import { createScheduler } from "./schedulers/create-scheduler.js";
import { checkInputs, type GenerateRequest, type ResolvedRequest } from "./stages/check-inputs.js";
import { prepareConditioning } from "./stages/condition.js";
import { decodeLatents, denormalizeLatents, toVideoFrames } from "./stages/decode.js";
import { guidedDenoiser } from "./stages/denoise.js";
import { encodeTexts } from "./stages/encode-prompt.js";
import { latentShape, prepareLatents, prepareLayoutNoise } from "./stages/latents.js";
import { TextEmbeddingCache } from "./text/text-embedding-cache.js";
import { TextTokenizer } from "./text/tokenizer.js";

export interface PipelineOptions {
  /** Runs the graphs (gpu-runner's onnxruntime-node backend). */
  backend: InferenceBackend;
  /** A model package directory (MODEL-PACKAGE.md). */
  modelDir: string;
  /** Shared across pipelines if you like; default: a private cache of 64 texts. */
  embeddingCache?: TextEmbeddingCache;
}

export interface Progress {
  stage: Stage;
  step: number;
  total_steps: number;
}

export interface RunOptions {
  /** Checked between denoising steps; aborting throws `AbortError`. */
  signal?: AbortSignal;
  /** Called at each stage start and after every denoising step. */
  onProgress?: (progress: Progress) => void;
  /** Sees the latents after each scheduler step (parity tests, previews). Do not mutate. */
  onLatents?: (step: number, latents: Float32Array) => void;
}

export type StageTimings = Record<
  "check_inputs" | "encode_prompt" | "prepare_timesteps" | "prepare_latents" | "denoise" | "decode" | "total",
  number
>;

export interface GenerateResult {
  request: ResolvedRequest;
  video: VideoFrames;
  /** Milliseconds per stage. */
  timings_ms: StageTimings;
  /** Prompt + negative prompt served from the embedding cache. */
  text_cache_hits: number;
}

/** Loads a model package and builds its sessions once; `run` generates clips until `dispose`. */
export async function createPipeline(options: PipelineOptions): Promise<Pipeline> {
  const model = await loadModelPackage(options.modelDir);
  const [graphs, digest] = await Promise.all([ModelGraphs.load(options.backend, model), textEncoderDigest(model)]);
  return new Pipeline(model, graphs, digest, options.embeddingCache ?? new TextEmbeddingCache());
}

export class Pipeline {
  private readonly tokenizer: TextTokenizer;

  constructor(
    readonly model: ModelPackage,
    private readonly graphs: ModelGraphs,
    readonly textEncoderDigest: string,
    private readonly cache: TextEmbeddingCache,
  ) {
    this.tokenizer = new TextTokenizer(model);
  }

  async run(request: GenerateRequest, options: RunOptions = {}): Promise<GenerateResult> {
    const { signal, onProgress, onLatents } = options;
    const timer = stageTimer();
    const report = (stage: Stage, step = 0, total_steps = 0) => onProgress?.({ stage, step, total_steps });

    // 1. Check inputs against the contract and the model's limits; fill defaults.
    report("check_inputs");
    const params = checkInputs(request, this.model.index, randomSeed);
    throwIfAborted(signal, "check_inputs", 0);
    timer.lap("check_inputs");

    // 2. Tokenize and encode the prompt and the negative prompt (LRU-cached).
    report("encode_prompt");
    const texts = await this.encodePrompts(params);
    timer.lap("encode_prompt");

    // 3. Timesteps: the shifted flow-sigma schedule of the chosen scheduler.
    report("prepare_timesteps");
    const scheduler = createScheduler(params.scheduler, this.model.scheduler);
    scheduler.setTimesteps(params.num_inference_steps);
    timer.lap("prepare_timesteps");

    // 4. Seeded latents: pure noise at σ = 1 (and the layout noise, when a graph takes it); a
    //    package's conditioner turns the text states into what the transformer takes, once.
    report("prepare_latents");
    const shape = latentShape(this.model.index, params);
    let latents = prepareLatents(params.seed, shape);
    const layoutNoise = prepareLayoutNoise(params.seed, this.graphs);
    const conditioned = await prepareConditioning(
      this.graphs,
      texts,
      latents,
      shape,
      params.guidance_scale,
      layoutNoise,
    );
    timer.lap("prepare_latents");

    // 5. Denoise: guided velocity, scheduler step; progress and cancellation between steps.
    const total = scheduler.timesteps.length;
    report("denoise", 0, total);
    const transformerNoise = this.graphs.hasInput("transformer", "layout_noise") ? layoutNoise : undefined;
    const conditioning = { ...conditioned, guidanceScale: params.guidance_scale, layoutNoise: transformerNoise };
    const velocityAt = guidedDenoiser(this.graphs, shape, conditioning);
    for (const [i, timestep] of scheduler.timesteps.entries()) {
      throwIfAborted(signal, "denoise", i);
      const velocity = await velocityAt(latents, timestep);
      latents = scheduler.step(velocity, timestep, latents);
      onLatents?.(i, latents);
      report("denoise", i + 1, total);
    }
    throwIfAborted(signal, "denoise", total);
    timer.lap("denoise");

    // 6. VAE decode the de-normalised latents (to the asked size, when the decoder takes `output_size`).
    report("decode");
    const { latents_mean, latents_std } = this.model.vaeDecoder;
    const z = denormalizeLatents(latents, shape[1], latents_mean, latents_std);
    const decoded = await decodeLatents(this.graphs, z, shape, params);

    // 7. Frames out: RGB24, ready for the encoders.
    const video = toVideoFrames(decoded.data as Float32Array, decoded.dims, params.fps);
    timer.lap("decode");
    return { request: params, video, timings_ms: timer.done(), text_cache_hits: texts.cacheHits };
  }

  /**
   * Runs each graph once at the model's default size so the first real job pays no first-run costs.
   * The prompt is the package's first example (a model with a closed vocabulary refuses anything
   * else), or any text for a model that lists none.
   */
  async warmUp(): Promise<void> {
    const { defaults, examples } = this.model.index;
    const prompt = examples?.[0] ?? "warm up";
    await this.run({ prompt, num_inference_steps: 1, seed: 0, guidance_scale: defaults.guidance_scale });
  }

  async dispose(): Promise<void> {
    await this.graphs.dispose();
  }

  /** Guidance 1 never runs the unconditional branch, so its negative prompt is not encoded either. */
  private async encodePrompts(params: ResolvedRequest) {
    const deps = { graphs: this.graphs, tokenizer: this.tokenizer, cache: this.cache, digest: this.textEncoderDigest };
    const texts = params.guidance_scale === 1 ? [params.prompt] : [params.prompt, params.negative_prompt];
    const { embeddings, cacheHits } = await encodeTexts(texts, deps);
    return { cond: embeddings[0]!, uncond: embeddings.at(-1)!, cacheHits };
  }
}

function throwIfAborted(signal: AbortSignal | undefined, stage: string, step: number): void {
  if (signal?.aborted) throw new AbortError(stage, step, { cause: signal.reason });
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

function stageTimer() {
  const start = performance.now();
  let last = start;
  const timings: Partial<StageTimings> = {};
  return {
    lap(stage: Exclude<keyof StageTimings, "total">) {
      const now = performance.now();
      timings[stage] = round(now - last);
      last = now;
    },
    done(): StageTimings {
      return { ...(timings as StageTimings), total: round(performance.now() - start) };
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
