import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { vocabularyWords } from "@sketchreel/prompts";
import type { z } from "zod";
import { ModelPackageError } from "../errors.js";
import { TextTokenizer } from "../text/tokenizer.js";
import {
  ModelIndex,
  SchedulerConfig,
  TextEncoderConfig,
  TokenizerConfig,
  TransformerConfig,
  VaeDecoderConfig,
} from "./schema.js";

/** A validated model package: every config the pipeline needs, and where its graphs live. */
export interface ModelPackage {
  dir: string;
  index: ModelIndex;
  tokenizer: { json: object; config: z.infer<typeof TokenizerConfig> };
  textEncoder: z.infer<typeof TextEncoderConfig>;
  transformer: z.infer<typeof TransformerConfig>;
  vaeDecoder: z.infer<typeof VaeDecoderConfig>;
  scheduler: SchedulerConfig;
  /** Absolute paths of the ONNX graphs: the three every package has, and its conditioner if it has one. */
  graphs: { text_encoder: string; transformer: string; vae_decoder: string; conditioner?: string };
}

/** Reads and validates a model package directory; errors name the file and the field. */
export async function loadModelPackage(dir: string): Promise<ModelPackage> {
  const index = await readJson(dir, "model_index.json", ModelIndex);
  const c = index.components;
  const denoiser = c.transformer ?? c.unet;
  if (!denoiser) throw new ModelPackageError("model_index.json", "components", "needs a transformer or unet folder");
  const tokenizerJson = await readJson(dir, `${c.tokenizer}/tokenizer.json`);
  const tokenizerConfig = await readJson(dir, `${c.tokenizer}/tokenizer_config.json`, TokenizerConfig, {});
  const textEncoder = await readJson(dir, `${c.text_encoder}/config.json`, TextEncoderConfig);
  const transformer = await readJson(dir, `${denoiser}/config.json`, TransformerConfig);
  const vaeDecoder = await readJson(dir, `${c.vae_decoder}/config.json`, VaeDecoderConfig);
  const scheduler = await readJson(dir, `${c.scheduler}/scheduler_config.json`, SchedulerConfig);
  const graphs = {
    text_encoder: await graphPath(dir, `${c.text_encoder}/model.onnx`),
    transformer: await graphPath(dir, `${denoiser}/model.onnx`),
    vae_decoder: await graphPath(dir, `${c.vae_decoder}/model.onnx`),
    ...(c.conditioner ? { conditioner: await graphPath(dir, `${c.conditioner}/model.onnx`) } : {}),
  };
  const pkg: ModelPackage = {
    dir,
    index,
    tokenizer: { json: tokenizerJson as object, config: tokenizerConfig },
    textEncoder,
    transformer,
    vaeDecoder,
    scheduler,
    graphs,
  };
  checkConsistency(pkg);
  checkVocabulary(pkg);
  return pkg;
}

/**
 * A closed vocabulary may name only words its tokenizer knows, and no more tokens than the text
 * encoder reads; and the package must list an example (the warm-up prompt it is sure to accept).
 */
function checkVocabulary(pkg: ModelPackage): void {
  const vocabulary = pkg.index.vocabulary;
  if (!vocabulary?.closed) return;
  if (!pkg.index.examples?.length) {
    const detail = "must list at least one prompt when the vocabulary is closed (runners warm up with the first)";
    throw new ModelPackageError("model_index.json", "examples", detail);
  }
  const maxLength = pkg.textEncoder.max_length;
  if (vocabulary.max_tokens !== undefined && vocabulary.max_tokens > maxLength) {
    const detail = `is ${vocabulary.max_tokens}, more than the text encoder's max_length (${maxLength})`;
    throw new ModelPackageError("model_index.json", "vocabulary.max_tokens", detail);
  }
  const tokenizer = new TextTokenizer(pkg);
  const unknown = vocabularyWords(vocabulary).filter((word) => !tokenizer.knows(word));
  if (unknown.length > 0) {
    const detail = `names words the tokenizer does not know: ${unknown.join(", ")}`;
    throw new ModelPackageError("model_index.json", "vocabulary", detail);
  }
}

function checkConsistency(pkg: ModelPackage): void {
  const channels = pkg.index.latent.channels;
  const vae = pkg.vaeDecoder;
  const vaeFile = `${pkg.index.components.vae_decoder}/config.json`;
  for (const field of ["latents_mean", "latents_std"] as const) {
    if (vae[field].length !== channels) {
      throw new ModelPackageError(vaeFile, field, `has ${vae[field].length} values, latent.channels is ${channels}`);
    }
  }
  if (vae.latent_channels !== channels) {
    throw new ModelPackageError(
      vaeFile,
      "latent_channels",
      `is ${vae.latent_channels}, latent.channels is ${channels}`,
    );
  }
  if (pkg.transformer.in_channels !== channels || pkg.transformer.out_channels !== channels) {
    throw new ModelPackageError("transformer/config.json", "in_channels", `must equal latent.channels (${channels})`);
  }
}

async function readJson<T extends z.ZodType>(
  dir: string,
  file: string,
  schema?: T,
  fallback?: unknown,
): Promise<z.infer<T>> {
  let text: string;
  try {
    text = await readFile(join(dir, file), "utf8");
  } catch (cause) {
    if (fallback !== undefined && (cause as NodeJS.ErrnoException).code === "ENOENT") return schema!.parse(fallback);
    throw new ModelPackageError(file, undefined, `cannot be read in ${dir} (${(cause as Error).message})`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ModelPackageError(file, undefined, `is not valid JSON (${(cause as Error).message})`, { cause });
  }
  if (!schema) return value as z.infer<T>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelPackageError(file, issue.path.join(".") || undefined, issue.message);
  }
  return parsed.data;
}

async function graphPath(dir: string, file: string): Promise<string> {
  const path = join(dir, file);
  try {
    if ((await stat(path)).isFile()) return path;
  } catch {}
  throw new ModelPackageError(file, undefined, `is missing in ${dir}`);
}
