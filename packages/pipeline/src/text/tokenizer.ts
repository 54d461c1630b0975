import { Tokenizer } from "@huggingface/tokenizers";
import type { ModelPackage } from "../model-package/load-model-package.js";

export interface TokenizedText {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
}

/**
 * The model's tokenizer (`tokenizer/tokenizer.json` via @huggingface/tokenizers), padded or truncated
 * to the text encoder's fixed length on the side the tokenizer config names.
 */
export class TextTokenizer {
  private readonly tokenizer: Tokenizer;
  readonly maxLength: number;
  private readonly padId: number;
  private readonly padLeft: boolean;
  private readonly unkId: number | undefined;

  constructor(pkg: ModelPackage) {
    const { json, config } = pkg.tokenizer;
    this.tokenizer = new Tokenizer(json, config);
    this.maxLength = pkg.textEncoder.max_length;
    this.padId = (config.pad_token ? this.tokenizer.token_to_id(config.pad_token) : undefined) ?? 0;
    this.padLeft = config.padding_side === "left";
    this.unkId = typeof config.unk_token === "string" ? this.tokenizer.token_to_id(config.unk_token) : undefined;
  }

  /** Whether no token of `text` is the unknown token (a tokenizer without one knows everything). */
  knows(text: string): boolean {
    return this.unkId === undefined || !this.tokenizer.encode(text).ids.includes(this.unkId);
  }

  encode(text: string): TokenizedText {
    const encoding = this.tokenizer.encode(text);
    const ids = encoding.ids.slice(0, this.maxLength);
    const inputIds = new BigInt64Array(this.maxLength).fill(BigInt(this.padId));
    const attentionMask = new BigInt64Array(this.maxLength);
    const offset = this.padLeft ? this.maxLength - ids.length : 0;
    ids.forEach((id, i) => {
      inputIds[offset + i] = BigInt(id);
      attentionMask[offset + i] = BigInt(encoding.attention_mask[i] ?? 1);
    });
    return { inputIds, attentionMask };
  }
}
