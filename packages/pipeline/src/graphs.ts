import { acceptsDynamicBatch, type InferenceBackend, type InferenceSession, type ValueInfo } from "./backend.js";
import { BackendError, ModelPackageError } from "./errors.js";
import type { ModelPackage } from "./model-package/load-model-package.js";
import type { Tensor } from "./tensor.js";

/**
 * The I/O names of each component's graph (MODEL-PACKAGE.md "ONNX graphs"): every package has the
 * first three; a `conditioner` is an optional component (a package without one runs as before).
 */
const IO = {
  text_encoder: { inputs: ["input_ids", "attention_mask"], outputs: ["last_hidden_state"] },
  transformer: { inputs: ["hidden_states", "timestep", "encoder_hidden_states"], outputs: ["sample"] },
  vae_decoder: { inputs: ["latent_sample"], outputs: ["sample"] },
  conditioner: { inputs: ["encoder_hidden_states", "hidden_states"], outputs: ["conditioning"] },
} as const;

export type Component = keyof typeof IO;
const REQUIRED_COMPONENTS = ["text_encoder", "transformer", "vae_decoder"] as const;

interface InputRule {
  type: "float32" | "int64";
  dims: ReadonlyArray<number | "static" | "any">;
  /** For errors: the documented shape. */
  shape: string;
}

const LAYOUT_NOISE: InputRule = { type: "float32", dims: ["any", "static"], shape: "[B, K] with a fixed K" };

/**
 * Inputs a graph may declare (MODEL-PACKAGE.md "Optional graph inputs"); the pipeline feeds each one
 * the graph declares, and a graph without them runs as before. `dims` per dimension: a number (that
 * size, or a dynamic axis), "static" (a fixed size the graph chooses) or "any".
 */
const OPTIONAL: Partial<Record<Component, Record<string, InputRule>>> = {
  /** [height, width] of the frames to decode to: a decoder that upsamples one latent grid to several sizes. */
  vae_decoder: { output_size: { type: "int64", dims: [2], shape: "[2] = [height, width]" } },
  /** [B, K] standard normals from the seed (stream 1), the same for every step and both CFG halves. */
  transformer: { layout_noise: LAYOUT_NOISE },
  /** The same noise, given once per request to the conditioner instead. */
  conditioner: { layout_noise: LAYOUT_NOISE },
};

type Sessions = Record<(typeof REQUIRED_COMPONENTS)[number], InferenceSession> & { conditioner?: InferenceSession };

/** The sessions of a model package (three, or four with a conditioner), checked against the I/O contract, run by component name. */
export class ModelGraphs {
  private constructor(private readonly sessions: Sessions) {}

  static async load(backend: InferenceBackend, pkg: ModelPackage): Promise<ModelGraphs> {
    const sessions = await backend.loadSessions(pkg.graphs);
    const components = Object.keys(pkg.graphs) as Component[];
    for (const component of [...REQUIRED_COMPONENTS, ...components.filter((c) => c === "conditioner")]) {
      const session = sessions[component];
      const file = pkg.graphs[component]!.slice(pkg.dir.length + 1);
      if (!session) throw new ModelPackageError(file, undefined, "the backend returned no session");
      for (const kind of ["inputs", "outputs"] as const) {
        const names = session[kind].map((v) => v.name);
        const missing = IO[component][kind].filter((n) => !names.includes(n));
        if (missing.length > 0) {
          throw new ModelPackageError(file, kind, `lacks ${missing.join(", ")} (has ${names.join(", ")})`);
        }
      }
      for (const [name, rule] of Object.entries(OPTIONAL[component] ?? {})) {
        const input = session.inputs.find((i) => i.name === name);
        if (input) checkOptionalInput(file, input, rule);
      }
    }
    return new ModelGraphs(sessions as Sessions);
  }

  /** Whether the package has this component (the three required ones always). */
  has(component: Component): boolean {
    return this.sessions[component] !== undefined;
  }

  /** True when cond + uncond can go through `component` as one batch of 2. */
  batches(component: Component): boolean {
    return acceptsDynamicBatch(this.session(component));
  }

  inputType(component: Component, input: string): string | undefined {
    return this.input(component, input)?.type;
  }

  /** The declared dimensions of an input (a name for a dynamic one), or undefined when the graph lacks it. */
  inputDims(component: Component, input: string): ReadonlyArray<number | string> | undefined {
    return this.input(component, input)?.dims;
  }

  /** Whether the graph declares the input (an optional one was checked at load: type and rank). */
  hasInput(component: Component, input: string): boolean {
    return this.input(component, input) !== undefined;
  }

  async run(component: Component, feeds: Record<string, Tensor>): Promise<Tensor> {
    const output = IO[component].outputs[0];
    try {
      const result = await this.session(component).run(feeds);
      const tensor = result[output];
      if (!tensor) throw new Error(`no output named ${output}`);
      return tensor;
    } catch (cause) {
      throw new BackendError(component, cause);
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(Object.values(this.sessions).map((s) => s?.dispose()));
  }

  private input(component: Component, name: string): ValueInfo | undefined {
    return this.sessions[component]?.inputs.find((i) => i.name === name);
  }

  private session(component: Component): InferenceSession {
    const session = this.sessions[component];
    if (!session) throw new BackendError(component, new Error("the model package has no such component"));
    return session;
  }
}

/** An optional input the graph declares must have the documented type and rank (and fixed sizes where asked). */
function checkOptionalInput(file: string, input: ValueInfo, rule: InputRule): void {
  const fits =
    input.type === rule.type &&
    input.dims.length === rule.dims.length &&
    rule.dims.every((want, i) => {
      const got = input.dims[i];
      if (want === "any") return true;
      if (want === "static") return typeof got === "number" && got > 0;
      return got === want || typeof got === "string";
    });
  if (!fits) {
    const got = `${input.type} [${input.dims.join(", ")}]`;
    throw new ModelPackageError(file, `inputs.${input.name}`, `must be ${rule.type} ${rule.shape}, got ${got}`);
  }
}
