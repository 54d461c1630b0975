import { checkModelLimits, GenerationRequest, toFieldErrors } from "@sketchreel/contract";
import { checkPromptVocabulary } from "@sketchreel/prompts";
import { InvalidParamsError } from "../errors.js";
import type { ModelIndex } from "../model-package/schema.js";

/** What a caller asks for; anything left out takes the model's default, the seed a random one. */
export type GenerateRequest = Partial<GenerationRequest> & Pick<GenerationRequest, "prompt">;

/** Every parameter fixed: what the pipeline runs and what `--json` and the runner report. */
export type ResolvedRequest = GenerationRequest;

/**
 * Stage 1: fills defaults, then checks the contract's rules (the same zod schemas as the API), the
 * model's declared limits (the contract's `checkModelLimits`) and, when the model's vocabulary is
 * closed, that it can draw the prompt (`checkPromptVocabulary`) — the same checks as the edge.
 * Throws `InvalidParamsError` naming every offending field, value and rule (and unknown word).
 */
export function checkInputs(request: GenerateRequest, model: ModelIndex, randomSeed: () => number): ResolvedRequest {
  const d = model.defaults;
  const input = {
    prompt: request.prompt,
    negative_prompt: request.negative_prompt ?? d.negative_prompt,
    width: request.width ?? d.width,
    height: request.height ?? d.height,
    num_frames: request.num_frames ?? d.num_frames,
    fps: request.fps ?? d.fps,
    num_inference_steps: request.num_inference_steps ?? d.num_inference_steps,
    guidance_scale: request.guidance_scale ?? d.guidance_scale,
    seed: request.seed ?? randomSeed(),
    scheduler: request.scheduler ?? d.scheduler,
  };
  const parsed = GenerationRequest.safeParse(input);
  if (!parsed.success) throw new InvalidParamsError(toFieldErrors(parsed.error, input));
  const errors = [
    ...checkModelLimits(model, parsed.data),
    ...checkPromptVocabulary(parsed.data.prompt, model.vocabulary),
  ];
  if (errors.length > 0) throw new InvalidParamsError(errors);
  return parsed.data;
}
