"""Export model 3.x as a model package (packages/pipeline/MODEL-PACKAGE.md): ONNX opset 17, dynamic
batch, frames and latent grid; the decoder takes `output_size`. From 3.1 a `conditioner` graph takes
`layout_noise` and lays the scene out once per request, and the transformer takes its conditioning;
`--fused` exports 3.0.0's single transformer that takes `layout_noise` and lays out at every step.

usage: python3 -m v3.export --out DIR [--version 3.1.0] [--fused] [--guidance 2] [--dit runs/v3/dit.pt]
       [--text runs/v3/text.pt] [--decoder runs/v3/decoder_ft.pt] [--stats runs/v3/latent_stats_pca.json]
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import os

import onnx
import torch
from torch import nn

from scripts.export_package import TextEncoderGraph, write_json
from sktrain import tokenizer
from sktrain.paths import RUNS
from v3 import capabilities
from v3.nets import (LATENT, MAX_LENGTH, NOISE_DIM, PATCH, ConditionerGraph, Decoder, DiT, DiTGraph, TextEncoder,
                     TransformerGraph)

OPSET = 17


class DecoderGraph(nn.Module):
    """latent_sample [B, C, F, h, w] (de-normalised), output_size int64 [2] = (H, W) -> [B, 3, F, H, W]."""

    def __init__(self, dec):
        super().__init__()
        self.dec = dec

    def forward(self, latent_sample, output_size):
        b, c, f, h, w = latent_sample.shape
        logits = self.dec.logits(latent_sample.transpose(1, 2).reshape(b * f, c, h, w))
        logits = nn.functional.interpolate(logits, size=(output_size[0], output_size[1]), mode="bilinear",
                                           align_corners=False)
        probs = (logits * self.dec.sharpness).softmax(1)
        rgb = torch.einsum("nkhw,kc->nchw", probs, self.dec.palette)
        return rgb.reshape(b, f, 3, rgb.shape[-2], rgb.shape[-1]).transpose(1, 2)


def export(module, args, path, inputs, outputs, dynamic):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(module, args, path, input_names=inputs, output_names=outputs, dynamic_axes=dynamic,
                      opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))


def load(args):
    te_ck = torch.load(args.text)
    vocab = te_ck["vocab"]
    text = TextEncoder(len(vocab))
    text.load_state_dict(te_ck["model"])
    dit_ck = torch.load(args.dit)
    dit = DiT()
    dit.load_state_dict({k: v.float() for k, v in dit_ck["ema"].items()})
    dec = Decoder()
    dec.load_state_dict({k: v.float() for k, v in torch.load(args.decoder)["decoder"].items()})
    stats = json.load(open(args.stats))
    return vocab, text.eval(), dit.eval(), dit_ck["step"], dec.eval(), stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--version", default="3.1.0")
    ap.add_argument("--fused", action="store_true", help="3.0.0's layout: inside the transformer, at every step")
    ap.add_argument("--guidance", type=float, default=2.0)
    ap.add_argument("--sharpness", type=float, default=2.0, help="the decoder's palette softmax scale")
    ap.add_argument("--dit", default=str(RUNS / "v3" / "dit.pt"))
    ap.add_argument("--text", default=str(RUNS / "v3" / "text.pt"))
    ap.add_argument("--decoder", default=str(RUNS / "v3" / "decoder_ft.pt"))
    ap.add_argument("--stats", default=str(RUNS / "v3" / "latent_stats_pca.json"))
    args = ap.parse_args()
    out = args.out
    vocab, text, dit, dit_step, dec, stats = load(args)
    dec.sharpness = args.sharpness
    L, S, D = MAX_LENGTH, text.slots.shape[0], text.slots.shape[1]

    os.makedirs(f"{out}/tokenizer", exist_ok=True)
    with open(f"{out}/tokenizer/tokenizer.json", "w") as f:
        json.dump(tokenizer.tokenizer_json(vocab, L), f, indent=1)
    write_json(f"{out}/tokenizer/tokenizer_config.json", {
        "model_max_length": L, "pad_token": "<pad>", "unk_token": "<unk>", "padding_side": "right",
        "tokenizer_class": "PreTrainedTokenizerFast"})
    capabilities.check_vocabulary(vocab)
    ids = torch.zeros(2, L, dtype=torch.long)
    export(TextEncoderGraph(text), (ids, torch.ones_like(ids)), f"{out}/text_encoder/model.onnx",
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
            "last_hidden_state": {0: "batch"}})
    write_json(f"{out}/text_encoder/config.json", {"hidden_size": D, "max_length": L, "output_length": S})

    latent_axes = {0: "batch", 2: "frames", 3: "height", 4: "width"}
    x = torch.randn(2, LATENT, 16, 8, 14)
    transformer_config = {
        "in_channels": LATENT, "out_channels": LATENT, "patch_size": [1, PATCH, PATCH], "text_dim": D,
        "num_train_timesteps": 1000, "hidden_size": dit.embed.out_features, "num_layers": len(dit.blocks),
        "training_steps": dit_step}
    if args.fused:
        export(DiTGraph(dit, text.head).eval(), (x, torch.full((2,), 500.0), torch.randn(2, S, D), torch.randn(2, NOISE_DIM)),
               f"{out}/transformer/model.onnx", ["hidden_states", "timestep", "encoder_hidden_states", "layout_noise"],
               ["sample"], {"hidden_states": latent_axes, "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"},
                            "layout_noise": {0: "batch"}, "sample": latent_axes})
        write_json(f"{out}/transformer/config.json", {
            **transformer_config, "layout_noise_dim": NOISE_DIM,
            "grounding": "scene programs parsed from encoder_hidden_states (4 slots), laid out with layout_noise; "
                         "each latent token sees its two nearest objects"})
    else:
        export(ConditionerGraph(dit, text.head).eval(), (torch.randn(2, S, D), x, torch.randn(2, NOISE_DIM)),
               f"{out}/conditioner/model.onnx", ["encoder_hidden_states", "hidden_states", "layout_noise"],
               ["conditioning"], {"encoder_hidden_states": {0: "batch"}, "hidden_states": latent_axes,
                                  "layout_noise": {0: "batch"}, "conditioning": {0: "batch", 1: "frames", 2: "tokens"}})
        write_json(f"{out}/conditioner/config.json", {
            "layout_noise_dim": NOISE_DIM, "hidden_size": dit.embed.out_features,
            "conditioning": "[B, F, tokens, hidden_size]: every latent frame's 2x2-cell tokens grounded on its three "
                            "nearest objects, from scene programs parsed from encoder_hidden_states (4 slots) and "
                            "laid out with layout_noise (best of 16 candidates)"})
        conditioning = torch.randn(2, 16, 4 * 7, dit.embed.out_features)
        export(TransformerGraph(dit).eval(), (x, torch.full((2,), 500.0), conditioning),
               f"{out}/transformer/model.onnx", ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
               {"hidden_states": latent_axes, "timestep": {0: "batch"},
                "encoder_hidden_states": {0: "batch", 1: "frames", 2: "tokens"}, "sample": latent_axes})
        write_json(f"{out}/transformer/config.json", {
            **transformer_config, "grounding": "encoder_hidden_states is the conditioner's output"})

    export(DecoderGraph(dec), (torch.randn(2, LATENT, 3, 8, 14), torch.tensor([144, 256])), f"{out}/vae_decoder/model.onnx",
           ["latent_sample", "output_size"], ["sample"],
           {"latent_sample": {0: "batch", 2: "frames", 3: "height", 4: "width"},
            "sample": {0: "batch", 2: "frames", 3: "out_height", 4: "out_width"}})
    write_json(f"{out}/vae_decoder/config.json", {
        "latent_channels": LATENT, "scale_factor_spatial": 8, "scale_factor_temporal": 1,
        "palette_softmax_sharpness": dec.sharpness,
        "latents_mean": stats["latents_mean"], "latents_std": stats["latents_std"]})
    write_json(f"{out}/scheduler/scheduler_config.json", {
        "_class_name": "UniPCMultistepScheduler", "num_train_timesteps": 1000,
        "prediction_type": "flow_prediction", "use_flow_sigmas": True, "flow_shift": 3.0,
        "solver_order": 2, "solver_type": "bh2", "lower_order_final": True, "final_sigmas_type": "zero"})
    write_json(f"{out}/model_index.json", {
        "_class_name": "SketchreelTextToVideoPipeline", "format_version": 1,
        "model_id": "shape-world-tiny", "model_version": args.version, "description": capabilities.DESCRIPTION,
        "components": {"tokenizer": "tokenizer", "text_encoder": "text_encoder",
                       **({} if args.fused else {"conditioner": "conditioner"}), "transformer": "transformer",
                       "vae_decoder": "vae_decoder", "scheduler": "scheduler"},
        "defaults": {"width": 64, "height": 64, "num_frames": 16, "fps": 8, "num_inference_steps": 20,
                     "guidance_scale": args.guidance, "negative_prompt": "", "scheduler": "unipc"},
        "limits": {"sizes": [[64, 64], [128, 128], [256, 256], [256, 144]], "min_size": 64, "max_size": 256,
                   "size_multiple": 16, "min_frames": 8, "max_frames": 32, "frames_multiple": 8,
                   "max_steps": 100, "max_job_seconds": 120},
        "latent": {"channels": LATENT, "spatial_compression": 8, "temporal_compression": 1, "temporal_rule": "divide",
                   "spatial_rule": "grid", "grid_short_side": 8},
        "examples": capabilities.EXAMPLES, "vocabulary": capabilities.vocabulary(L)})
    print("exported", out, "dit step", dit_step)


if __name__ == "__main__":
    main()
