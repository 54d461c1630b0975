import { acceptsDynamicBatch, type InferenceBackend, type InferenceSession } from "./backend.js";
import { BackendError, ModelPackageError } from "./errors.js";
import type { ModelPackage } from "./model-package/load-model-package.js";
import type { Tensor } from "./tensor.js";

/** The I/O names every model package's graphs must have (FORMAT.md "ONNX graphs"). */
const REQUIRED = {
  text_encoder: { inputs: ["input_ids", "attention_mask"], outputs: ["last_hidden_state"] },
  transformer: { inputs: ["hidden_states", "timestep", "encoder_hidden_states"], outputs: ["sample"] },
  vae_decoder: { inputs: ["latent_sample"], outputs: ["sample"] },
} as const;

export type Component = keyof typeof REQUIRED;

/** The three sessions of a model package, checked against the I/O contract, run by component name. */
export class ModelGraphs {
  private constructor(private readonly sessions: Record<Component, InferenceSession>) {}

  static async load(backend: InferenceBackend, pkg: ModelPackage): Promise<ModelGraphs> {
    const sessions = await backend.loadSessions(pkg.graphs);
    for (const component of Object.keys(REQUIRED) as Component[]) {
      const session = sessions[component];
      const file = pkg.graphs[component].slice(pkg.dir.length + 1);
      if (!session) throw new ModelPackageError(file, undefined, "the backend returned no session");
      for (const kind of ["inputs", "outputs"] as const) {
        const names = session[kind].map((v) => v.name);
        const missing = REQUIRED[component][kind].filter((n) => !names.includes(n));
        if (missing.length > 0) {
          throw new ModelPackageError(file, kind, `lacks ${missing.join(", ")} (has ${names.join(", ")})`);
        }
      }
    }
    return new ModelGraphs(sessions as Record<Component, InferenceSession>);
  }

  /** True when cond + uncond can go through `component` as one batch of 2. */
  batches(component: Component): boolean {
    return acceptsDynamicBatch(this.sessions[component]);
  }

  inputType(component: Component, input: string): string | undefined {
    return this.sessions[component].inputs.find((i) => i.name === input)?.type;
  }

  async run(component: Component, feeds: Record<string, Tensor>): Promise<Tensor> {
    const output = REQUIRED[component].outputs[0];
    try {
      const result = await this.sessions[component].run(feeds);
      const tensor = result[output];
      if (!tensor) throw new Error(`no output named ${output}`);
      return tensor;
    } catch (cause) {
      throw new BackendError(component, cause);
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(Object.values(this.sessions).map((s) => s.dispose()));
  }
}
