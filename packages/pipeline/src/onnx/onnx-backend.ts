import * as ort from "onnxruntime-node";
import type { InferenceBackend, InferenceSession, Tensor, ValueInfo } from "../index.js";
import { cudaProviderInstalled } from "./cuda-provider.js";
import { type Device, parseDevice } from "./devices.js";
import { type GraphOptimizationLevel, sessionOptions } from "./session-options.js";
import { fromOrtTensor, toOrtTensor } from "./tensors.js";

export interface OnnxBackendOptions {
  /** "cpu" or "cuda"; cuda falls back to cpu (one log line) when its provider cannot load. */
  device?: string;
  /** Intra-op threads per session; 0 (default) = onnxruntime's choice (all cores). */
  threads?: number;
  graphOptimization?: GraphOptimizationLevel;
  /** Idle threads spin-wait between operators (default false; see `SessionTuning.spinWait`). */
  spinWait?: boolean;
  /** Receives structured log events; default: JSON lines on stderr. */
  log?: (event: Record<string, unknown>) => void;
}

/** The pipeline's `InferenceBackend` on onnxruntime-node: the repo's only onnxruntime importer. */
export class OnnxBackend implements InferenceBackend {
  private constructor(
    private device: Device,
    private readonly options: Required<Omit<OnnxBackendOptions, "device">>,
  ) {}

  /** Validates the options; an unknown device throws `UnsupportedDeviceError` naming the supported ones. */
  static create(options: OnnxBackendOptions = {}): OnnxBackend {
    const threads = options.threads ?? 0;
    if (!Number.isInteger(threads) || threads < 0)
      throw new RangeError(`threads must be an integer >= 0 (got ${threads})`);
    return new OnnxBackend(parseDevice(options.device ?? "cpu"), {
      threads,
      graphOptimization: options.graphOptimization ?? "all",
      spinWait: options.spinWait ?? false,
      log:
        options.log ??
        ((event) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`)),
    });
  }

  /** The device sessions actually run on (cpu after a cuda fallback). */
  get activeDevice(): Device {
    return this.device;
  }

  get description(): string {
    return `onnxruntime-node ${ort.env.versions.node ?? "?"} (${this.device})`;
  }

  /** Builds every graph's session in parallel; on a cuda failure, once more on cpu. */
  async loadSessions(graphs: Record<string, string>): Promise<Record<string, InferenceSession>> {
    if (this.device === "cuda" && !cudaProviderInstalled()) {
      this.fallBackToCpu("onnxruntime-node was installed without its CUDA provider (ONNXRUNTIME_NODE_INSTALL=cuda12)");
      return this.createAll(graphs);
    }
    try {
      return await this.createAll(graphs);
    } catch (error) {
      if (this.device !== "cuda") throw error;
      this.fallBackToCpu(error instanceof Error ? error.message.split("\n")[0]! : String(error));
      return this.createAll(graphs);
    }
  }

  private fallBackToCpu(reason: string): void {
    this.options.log({ level: "warn", msg: "CUDA execution provider unavailable, falling back to cpu", reason });
    this.device = "cpu";
  }

  private async createAll(graphs: Record<string, string>): Promise<Record<string, InferenceSession>> {
    const options = sessionOptions(this.device, this.options);
    const entries = Object.entries(graphs);
    const settled = await Promise.allSettled(entries.map(([, path]) => ort.InferenceSession.create(path, options)));
    const failed = settled.findIndex((s) => s.status === "rejected");
    if (failed >= 0) {
      await Promise.all(settled.map((s) => (s.status === "fulfilled" ? s.value.release() : undefined)));
      const reason = (settled[failed] as PromiseRejectedResult).reason;
      throw new Error(`cannot load ${entries[failed]![1]}: ${reason instanceof Error ? reason.message : reason}`, {
        cause: reason,
      });
    }
    return Object.fromEntries(
      entries.map(([name], i) => [
        name,
        new OnnxSession((settled[i] as PromiseFulfilledResult<ort.InferenceSession>).value),
      ]),
    );
  }
}

class OnnxSession implements InferenceSession {
  readonly inputs: ValueInfo[];
  readonly outputs: ValueInfo[];
  private disposed = false;

  constructor(private readonly session: ort.InferenceSession) {
    this.inputs = session.inputMetadata.map(valueInfo);
    this.outputs = session.outputMetadata.map(valueInfo);
  }

  async run(feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
    if (this.disposed) throw new Error("session was disposed");
    const ortFeeds = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toOrtTensor(t)]));
    const results = await this.session.run(ortFeeds);
    return Object.fromEntries(Object.entries(results).map(([name, value]) => [name, fromOrtTensor(name, value)]));
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.session.release();
  }
}

function valueInfo(meta: ort.InferenceSession.ValueMetadata): ValueInfo {
  return meta.isTensor
    ? { name: meta.name, type: meta.type, dims: meta.shape }
    : { name: meta.name, type: "non-tensor", dims: [] };
}
