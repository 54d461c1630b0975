import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ModelPackage } from "./load-model-package.js";

/**
 * SHA-256 over what determines a text embedding: the tokenizer files and the text encoder graph.
 * Keys the text-embedding cache, so a re-exported encoder never serves stale embeddings.
 */
export async function textEncoderDigest(pkg: ModelPackage): Promise<string> {
  const hash = createHash("sha256");
  const tokenizerDir = join(pkg.dir, pkg.index.components.tokenizer);
  hash.update(await readFile(join(tokenizerDir, "tokenizer.json")));
  hash.update(JSON.stringify(pkg.tokenizer.config));
  for await (const chunk of createReadStream(pkg.graphs.text_encoder)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
