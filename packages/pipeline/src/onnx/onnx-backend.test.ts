import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cudaProviderInstalled } from "./cuda-provider.js";
import { OnnxBackend } from "./onnx-backend.js";

const TINY = fileURLToPath(new URL("../../test/fixtures/tiny-random/", import.meta.url));
const graphs = {
  text_encoder: join(TINY, "text_encoder/model.onnx"),
  vae_decoder: join(TINY, "vae_decoder/model.onnx"),
};

describe("OnnxBackend", () => {
  it("refuses an unknown device, listing the supported ones", () => {
    expect(() => OnnxBackend.create({ device: "tpu" })).toThrow('device must be one of cpu, cuda (got "tpu")');
    expect(() => OnnxBackend.create({ threads: -1 })).toThrow("threads must be an integer >= 0 (got -1)");
  });

  it("loads sessions with their I/O metadata and runs them", async () => {
    const backend = OnnxBackend.create({ threads: 1 });
    const sessions = await backend.loadSessions(graphs);
    const decoder = sessions.vae_decoder!;
    expect(decoder.inputs).toEqual([
      { name: "latent_sample", type: "float32", dims: ["batch", 4, "frames", "latent_height", "latent_width"] },
    ]);
    const out = await decoder.run({
      latent_sample: { type: "float32", data: new Float32Array(4 * 2 * 4 * 4), dims: [1, 4, 2, 4, 4] },
    });
    expect(out.sample).toMatchObject({ type: "float32", dims: [1, 3, 2, 32, 32] });
    await Promise.all(Object.values(sessions).map((s) => s.dispose()));
    await decoder.dispose(); // idempotent
    await expect(decoder.run({})).rejects.toThrow("session was disposed");
  });

  // Where onnxruntime-node was installed with its CUDA provider (the GPU image), there is nothing to fall back from.
  it.skipIf(cudaProviderInstalled())(
    "falls back from cuda to cpu with one log line when the CUDA provider is missing",
    async () => {
      const events: Record<string, unknown>[] = [];
      const backend = OnnxBackend.create({ device: "cuda", threads: 1, log: (e) => events.push(e) });
      const sessions = await backend.loadSessions(graphs);
      expect(backend.activeDevice).toBe("cpu");
      expect(backend.description).toMatch(/^onnxruntime-node \S+ \(cpu\)$/);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        level: "warn",
        msg: "CUDA execution provider unavailable, falling back to cpu",
      });
      await Promise.all(Object.values(sessions).map((s) => s.dispose()));
    },
  );

  it("names the graph it could not load", async () => {
    const backend = OnnxBackend.create();
    await expect(backend.loadSessions({ ...graphs, transformer: join(TINY, "nope.onnx") })).rejects.toThrow(
      /cannot load .*nope\.onnx/,
    );
  });
});
