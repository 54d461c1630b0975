import type { ModelGraphs } from "../graphs.js";
import { float32Tensor, repeatRows } from "../tensor.js";
import type { TextEmbedding } from "../text/text-embedding-cache.js";

export interface TextConditioning {
  cond: TextEmbedding;
  uncond: TextEmbedding;
}

/**
 * Stage 4, for a package with a conditioner (MODEL-PACKAGE.md): the work that depends on the prompt,
 * the seed and the clip's format but not on the timestep, done once per request instead of at every
 * denoising step. The conditioner gets the text encoder's output (`encoder_hidden_states`), the
 * initial latents (`hidden_states`, for their shape) and, when it declares it, `layout_noise`; its
 * `conditioning` is what the transformer then takes as `encoder_hidden_states` at every step. Cond
 * and uncond go through as one batch of 2 when the graph takes a dynamic batch, else in two runs;
 * without guidance only cond does. A package without a conditioner gets `texts` back unchanged.
 */
export async function prepareConditioning(
  graphs: ModelGraphs,
  texts: TextConditioning,
  latents: Float32Array,
  shape: readonly number[],
  guidanceScale: number,
  layoutNoise: Float32Array | undefined,
): Promise<TextConditioning> {
  if (!graphs.has("conditioner")) return texts;
  const declaresNoise = graphs.hasInput("conditioner", "layout_noise");
  const run = async (items: TextEmbedding[]): Promise<TextEmbedding[]> => {
    const batch = items.length;
    const text = new Float32Array(batch * items[0]!.data.length);
    const x = new Float32Array(batch * latents.length);
    items.forEach((item, b) => {
      text.set(item.data, b * item.data.length);
      x.set(latents, b * latents.length);
    });
    const out = await graphs.run("conditioner", {
      encoder_hidden_states: float32Tensor(text, [batch, ...items[0]!.dims]),
      hidden_states: float32Tensor(x, [batch, ...shape.slice(1)]),
      ...(declaresNoise && layoutNoise ? { layout_noise: repeatRows(layoutNoise, batch) } : {}),
    });
    const dims = out.dims.slice(1);
    const size = out.data.length / batch;
    const data = out.data as Float32Array;
    return items.map((_, b) => ({ data: data.slice(b * size, (b + 1) * size), dims }));
  };
  if (guidanceScale === 1) {
    const [cond] = await run([texts.cond]);
    return { cond: cond!, uncond: cond! };
  }
  if (graphs.batches("conditioner")) {
    const [cond, uncond] = await run([texts.cond, texts.uncond]);
    return { cond: cond!, uncond: uncond! };
  }
  const [cond] = await run([texts.cond]);
  const [uncond] = await run([texts.uncond]);
  return { cond: cond!, uncond: uncond! };
}
