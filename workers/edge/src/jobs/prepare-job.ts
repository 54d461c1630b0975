import type { z } from "@hono/zod-openapi";
import {
  type CreateVideoRequest,
  checkModelLimits,
  type ResolvedParams,
  type Template,
  type Variant,
} from "@sketchreel/contract";
import { checkContentSafety, checkPromptVocabulary, computeCacheKey, renderTemplate } from "@sketchreel/prompts";
import type { Config } from "../config.js";
import { randomSeed } from "../crypto.js";
import { homeShard, newShardedId } from "../durable/shards/shard-map.js";
import type { ApiKeyPrincipal } from "../env.js";
import { ApiError, fieldError, validationFailed } from "../errors.js";
import { DEFAULT_MODEL_ID, requireModel } from "../models.js";
import { computeUnits } from "../tiers.js";
import { refuseWebhookUrl } from "../webhooks/ssrf.js";
import { type JobRecord, outputPrefix } from "./job-record.js";

export const DEFAULT_OUTPUTS: Variant[] = ["mp4", "gif", "poster"];

/**
 * Turn a validated create request into a job: model, template, safety filter, vocabulary gate,
 * defaults, model limits, webhook guard, seed, cache key. Throws typed errors naming the field.
 */
export async function prepareJob(
  body: z.output<typeof CreateVideoRequest>,
  principal: ApiKeyPrincipal,
  config: Config,
) {
  const model = requireModel(body.model ?? DEFAULT_MODEL_ID);

  let prompt = body.prompt ?? "";
  let template: JobRecord["template"] = null;
  let templateDefaults: Template["defaults"] = {};
  let templateNegative: string | undefined;
  if (body.template) {
    const rendered = renderTemplate(body.template, model.model_id);
    if (!rendered.ok) throw validationFailed(rendered.errors);
    prompt = rendered.value.prompt;
    template = {
      id: rendered.value.template.id,
      version: rendered.value.template.version,
      variables: rendered.value.variables,
    };
    templateDefaults = rendered.value.template.defaults;
    templateNegative = rendered.value.template.negative_prompt;
  }
  const negativePrompt = body.negative_prompt ?? templateNegative ?? model.defaults.negative_prompt;

  const hit = checkContentSafety(prompt, negativePrompt);
  if (hit) {
    throw new ApiError(422, "content_policy", `the prompt was refused by the content policy (${hit.category})`, {
      errors: [
        { field: "prompt", rule: "content_policy", message: `prompt contains a term from the ${hit.category} list` },
      ],
    });
  }
  const outOfVocabulary = checkPromptVocabulary(prompt, model.vocabulary);
  if (outOfVocabulary.length > 0) {
    const detail = `model ${model.model_id} cannot draw this prompt: ${outOfVocabulary.map((e) => e.message).join("; ")}`;
    throw new ApiError(422, "prompt_out_of_vocabulary", detail, { errors: outOfVocabulary });
  }

  const seedFixed = body.seed !== undefined;
  const { negative_prompt: _unused, ...modelDefaults } = model.defaults;
  const params: ResolvedParams = {
    ...modelDefaults,
    ...templateDefaults,
    ...pick(body),
    seed: body.seed ?? randomSeed(),
  };
  const limitErrors = checkModelLimits(model, params);
  if (limitErrors.length > 0) throw validationFailed(limitErrors);

  if (body.webhook_url) {
    const refusal = refuseWebhookUrl(body.webhook_url, {
      allowHttp: config.environment === "development",
      allowLoopback: config.allowLoopbackWebhooks,
    });
    if (refusal) throw fieldError("webhook_url", "ssrf", refusal);
  }

  const outputs = body.outputs ?? DEFAULT_OUTPUTS;
  const modelRef = { id: model.model_id, version: model.model_version };
  const cacheKey = await computeCacheKey({ model: modelRef, prompt, negativePrompt, params, outputs });
  // Both ids carry the tenant's home shard, where the job will live (routed without a lookup).
  const shard = homeShard(principal.tenantId, config.queueShards);
  const id = newShardedId("vid", shard);
  const job: JobRecord = {
    id,
    tenant_id: principal.tenantId,
    key_id: principal.keyId,
    status: "queued",
    model: modelRef,
    prompt,
    negative_prompt: negativePrompt,
    template,
    params,
    outputs_requested: outputs,
    progress: { stage: "queued", step: 0, total_steps: params.num_inference_steps },
    outputs: [],
    error: null,
    attempts: 0,
    share_id: newShardedId("shr", shard),
    webhook_url: body.webhook_url ?? null,
    metadata: body.metadata ?? {},
    created_at: new Date().toISOString(),
    started_at: null,
    completed_at: null,
    output_prefix: outputPrefix(principal.tenantId, id),
    cache_key: cacheKey,
    compute_units: computeUnits(params),
    cancel_requested: false,
    lease: null,
    version: 0,
  };
  return { job, seedFixed };
}

function pick(body: z.output<typeof CreateVideoRequest>): Partial<ResolvedParams> {
  const keys = ["width", "height", "num_frames", "fps", "num_inference_steps", "guidance_scale", "scheduler"] as const;
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}
