import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Whether onnxruntime-node's CUDA execution provider libraries are installed next to its binding
 * (they are downloaded by its install script with ONNXRUNTIME_NODE_INSTALL=cuda12, never bundled).
 * Checked before asking for "cuda" so a CPU-only install falls back quietly with one log line.
 */
export function cudaProviderInstalled(): boolean {
  const packageDir = dirname(createRequire(import.meta.url).resolve("onnxruntime-node/package.json"));
  const binDir = join(packageDir, "bin", "napi-v6", process.platform, process.arch);
  const library = process.platform === "win32" ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";
  return existsSync(join(binDir, library));
}
