"""Export the trained components as the model package (packages/pipeline/MODEL-PACKAGE.md, format 1):
ONNX opset 17, dynamic batch.

usage: export_package.py --out DIR [--version 1.0.0] [--guidance 3] [--ckpt DIT] [--decoder AE]
                         [--text-encoder TE] [--stats STATS]
A component not given comes from runs/ if there, else from the committed artifacts/checkpoints/.
recipes/2.1.0.sh passes all four from artifacts/checkpoints/ and rebuilds the shipped package.
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse
import json
import os

import onnx
import torch
from torch import nn

from sktrain import capabilities, tokenizer
from sktrain.checkpoints import load_decoder, load_dit, load_stats, load_text_encoder

OPSET = 17


class TextEncoderGraph(nn.Module):
    def __init__(self, enc):
        super().__init__()
        self.enc = enc

    def forward(self, input_ids, attention_mask):
        return self.enc(input_ids, attention_mask)


class DecoderGraph(nn.Module):
    """latent_sample [B, C, F, h, w] (de-normalised) -> sample [B, 3, F, H, W] in [-1, 1]."""

    def __init__(self, dec):
        super().__init__()
        self.dec = dec

    def forward(self, latent_sample):
        b, c, f, h, w = latent_sample.shape
        frames = self.dec(latent_sample.transpose(1, 2).reshape(b * f, c, h, w))
        return frames.reshape(b, f, 3, h * 8, w * 8).transpose(1, 2)


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def export(module, args, path, inputs, outputs, dynamic, output_shape=None):
    """Export; `output_shape` pins the non-batch output dims that tracing left symbolic."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(module, args, path, input_names=inputs, output_names=outputs, dynamic_axes=dynamic,
                      opset_version=OPSET, do_constant_folding=True)
    if output_shape:
        model = onnx.load(path)
        for dim, value in zip(model.graph.output[0].type.tensor_type.shape.dim, output_shape):
            if isinstance(value, str):
                dim.dim_param = value
            else:
                dim.dim_value = value
        onnx.checker.check_model(model)
        onnx.save(model, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="package directory to write (e.g. gpu-runner/models/shape-world-tiny)")
    ap.add_argument("--version", default="1.0.0")
    ap.add_argument("--ckpt", help="DiT checkpoint")
    ap.add_argument("--decoder", help="autoencoder checkpoint (default: fine-tuned if present)")
    ap.add_argument("--text-encoder", help="text encoder checkpoint")
    ap.add_argument("--stats", help="latent statistics JSON")
    ap.add_argument("--guidance", type=float, default=3.0, help="default guidance_scale (chosen by evaluate.py sweeps)")
    args = ap.parse_args()
    out = args.out
    text_encoder, vocab = load_text_encoder(args.text_encoder)
    dit, ck = load_dit(args.ckpt)
    decoder = load_decoder(args.decoder)
    mean, std = load_stats(args.stats)
    L, S, D = tokenizer.MAX_LENGTH, text_encoder.slots.shape[0], text_encoder.slots.shape[1]

    os.makedirs(f"{out}/tokenizer", exist_ok=True)
    tokenizer.save(vocab, f"{out}/tokenizer")
    capabilities.check_vocabulary(vocab)
    assert capabilities.VOCABULARY["max_tokens"] == L, "the gate's token limit is the tokenizer's length"
    ids = torch.zeros(2, L, dtype=torch.long)
    export(TextEncoderGraph(text_encoder), (ids, torch.ones_like(ids)), f"{out}/text_encoder/model.onnx",
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
            "last_hidden_state": {0: "batch"}}, ["batch", S, D])
    write_json(f"{out}/text_encoder/config.json", {"hidden_size": D, "max_length": L, "output_length": S})

    C = dit.channels
    x = torch.randn(2, C, 16, 8, 8)
    export(dit, (x, torch.full((2,), 500.0), torch.randn(2, S, D)), f"{out}/transformer/model.onnx",
           ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
           {"hidden_states": {0: "batch"}, "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"},
            "sample": {0: "batch"}})
    write_json(f"{out}/transformer/config.json", {
        "in_channels": C, "out_channels": C, "patch_size": list(dit.patch), "text_dim": D,
        "num_train_timesteps": 1000, "hidden_size": dit.pos.shape[-1], "num_layers": len(dit.blocks),
        "sample_frames": 16, "sample_size": 8, "training_steps": ck["step"],
        "grounding": "layout parsed from encoder_hidden_states[:, :2] (start/end xy, colour, shape)" if dit.ground else None})

    export(DecoderGraph(decoder), (torch.randn(2, C, 16, 8, 8),), f"{out}/vae_decoder/model.onnx",
           ["latent_sample"], ["sample"], {"latent_sample": {0: "batch"}, "sample": {0: "batch"}},
           ["batch", 3, 16, 64, 64])
    write_json(f"{out}/vae_decoder/config.json", {
        "latent_channels": C, "scale_factor_spatial": 8, "scale_factor_temporal": 1,
        "palette_softmax_sharpness": decoder.sharpness,
        "latents_mean": mean.flatten().tolist(), "latents_std": std.flatten().tolist()})

    write_json(f"{out}/scheduler/scheduler_config.json", {
        "_class_name": "UniPCMultistepScheduler", "num_train_timesteps": 1000,
        "prediction_type": "flow_prediction", "use_flow_sigmas": True, "flow_shift": 3.0,
        "solver_order": 2, "solver_type": "bh2", "lower_order_final": True, "final_sigmas_type": "zero"})
    write_json(f"{out}/model_index.json", {
        "_class_name": "SketchreelTextToVideoPipeline", "format_version": 1,
        "model_id": "shape-world-tiny", "model_version": args.version, "description": capabilities.DESCRIPTION,
        "components": {"tokenizer": "tokenizer", "text_encoder": "text_encoder", "transformer": "transformer",
                       "vae_decoder": "vae_decoder", "scheduler": "scheduler"},
        "defaults": {"width": 64, "height": 64, "num_frames": 16, "fps": 8, "num_inference_steps": 20,
                     "guidance_scale": args.guidance, "negative_prompt": "", "scheduler": "unipc"},
        "limits": {"sizes": [[64, 64]], "min_size": 64, "max_size": 64, "size_multiple": 16,
                   "min_frames": 16, "max_frames": 16, "frames_multiple": 4, "max_steps": 100,
                   "max_job_seconds": 120},
        "latent": {"channels": C, "spatial_compression": 8, "temporal_compression": 1, "temporal_rule": "divide"},
        "examples": capabilities.EXAMPLES, "vocabulary": capabilities.VOCABULARY})
    print("exported", out, "dit step", ck["step"])


if __name__ == "__main__":
    main()
