#!/usr/bin/env python3
"""Outline: export Wan2.2-TI2V-5B (diffusers layout) to a Sketchreel model package (packages/pipeline/MODEL-PACKAGE.md).

Run on a GPU box with the weights available locally, e.g.
    pip install "torch>=2.4" "diffusers>=0.35" transformers onnx onnxruntime-gpu
    python gpu-runner/scripts/export-wan22.py --weights /data/Wan2.2-TI2V-5B-Diffusers --out /models/wan2.2-ti2v-5b

This is an OUTLINE (see docs/wan2.2.md): it has not been run in this repository, which has neither
the weights nor a GPU. The steps and graph contracts are the ones the runner expects; expect to adjust
details (RoPE export, the VAE's causal cache) against the installed diffusers version.
"""

import argparse
import json
import shutil
from pathlib import Path

import torch
from diffusers import AutoencoderKLWan, UniPCMultistepScheduler, WanTransformer3DModel
from transformers import UMT5EncoderModel

OPSET = 17
DTYPE = torch.float16


class TextEncoder(torch.nn.Module):
    """ids + mask -> hidden states with padded positions zeroed (as WanPipeline does)."""

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return (hidden * attention_mask.unsqueeze(-1).to(hidden.dtype)).float()


class Transformer(torch.nn.Module):
    """float32 boundary, fp16 inside; timestep [B] expanded to one value per token (text-to-video)."""

    def __init__(self, transformer):
        super().__init__()
        self.transformer = transformer
        self.patch = transformer.config.patch_size  # (1, 2, 2)

    def forward(self, hidden_states, timestep, encoder_hidden_states):
        _, _, f, h, w = hidden_states.shape
        tokens = (f // self.patch[0]) * (h // self.patch[1]) * (w // self.patch[2])
        per_token = timestep[:, None].expand(-1, tokens)  # expand_timesteps: every token at the same t
        out = self.transformer(
            hidden_states=hidden_states.to(DTYPE),
            timestep=per_token,
            encoder_hidden_states=encoder_hidden_states.to(DTYPE),
            return_dict=False,
        )[0]
        return out.float()


class VaeDecoder(torch.nn.Module):
    """De-normalised latents [B, 48, F, h, w] -> frames [B, 3, 4(F-1)+1, 16h, 16w] in [-1, 1]."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latent_sample):
        # AutoencoderKLWan.decode runs the causal decoder frame by frame with a feature cache and
        # unpatchifies 2x2; tracing unrolls that loop for the traced F (export one graph per F, or
        # export the per-chunk step and loop outside).
        return self.vae.decode(latent_sample.to(DTYPE), return_dict=False)[0].float().clamp(-1, 1)


def export(module, args, path: Path, inputs, outputs, dynamic_axes):
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        module,
        args,
        str(path),
        input_names=inputs,
        output_names=outputs,
        dynamic_axes=dynamic_axes,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    # > 2 GB: re-save with the weights as external data next to model.onnx (model.onnx.data).
    import onnx

    model = onnx.load(str(path), load_external_data=True)
    onnx.save_model(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True, location="model.onnx.data")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--weights", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=704)
    p.add_argument("--frames", type=int, default=121)
    a = p.parse_args()
    out, dev = a.out, "cuda"
    lat_f, lat_h, lat_w = (a.frames - 1) // 4 + 1, a.height // 16, a.width // 16

    # 1. Tokenizer: copy tokenizer.json as is; 512 tokens, right padding.
    (out / "tokenizer").mkdir(parents=True, exist_ok=True)
    shutil.copy(a.weights / "tokenizer" / "tokenizer.json", out / "tokenizer" / "tokenizer.json")
    (out / "tokenizer" / "tokenizer_config.json").write_text(
        json.dumps({"model_max_length": 512, "pad_token": "<pad>", "padding_side": "right"}, indent=2)
    )

    # 2. Text encoder (UMT5-XXL encoder).
    te = UMT5EncoderModel.from_pretrained(a.weights / "text_encoder", torch_dtype=DTYPE).to(dev).eval()
    ids = torch.zeros(2, 512, dtype=torch.int64, device=dev)
    export(
        TextEncoder(te), (ids, torch.ones_like(ids)), out / "text_encoder" / "model.onnx",
        ["input_ids", "attention_mask"], ["last_hidden_state"],
        {"input_ids": {0: "batch"}, "attention_mask": {0: "batch"}, "last_hidden_state": {0: "batch"}},
    )
    write_json(out / "text_encoder" / "config.json", {"hidden_size": 4096, "max_length": 512, "output_length": 512})
    del te

    # 3. Transformer (30-layer DiT, 48 channels, patch 1x2x2).
    tr = WanTransformer3DModel.from_pretrained(a.weights / "transformer", torch_dtype=DTYPE).to(dev).eval()
    x = torch.randn(2, 48, lat_f, lat_h, lat_w, device=dev)
    t = torch.full((2,), 999.0, device=dev)
    ctx = torch.randn(2, 512, 4096, device=dev)
    latent_axes = {0: "batch", 2: "frames", 3: "height", 4: "width"}
    export(
        Transformer(tr), (x, t, ctx), out / "transformer" / "model.onnx",
        ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
        {"hidden_states": latent_axes, "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"}, "sample": latent_axes},
    )
    write_json(out / "transformer" / "config.json", {
        "in_channels": 48, "out_channels": 48, "patch_size": [1, 2, 2], "text_dim": 4096, "num_train_timesteps": 1000,
    })
    del tr

    # 4. VAE decoder (+ 2x2 unpatchify) and the 48-channel latent statistics.
    vae = AutoencoderKLWan.from_pretrained(a.weights / "vae", torch_dtype=DTYPE).to(dev).eval()
    z = torch.randn(1, 48, lat_f, lat_h, lat_w, device=dev)
    export(
        VaeDecoder(vae), (z,), out / "vae_decoder" / "model.onnx",
        ["latent_sample"], ["sample"], {"latent_sample": {0: "batch"}, "sample": {0: "batch"}},
    )
    write_json(out / "vae_decoder" / "config.json", {
        "latent_channels": 48,
        "scale_factor_spatial": 16,
        "scale_factor_temporal": 4,
        "latents_mean": list(vae.config.latents_mean),
        "latents_std": list(vae.config.latents_std),
    })

    # 5. Scheduler: UniPC, flow prediction, shift 5 (check against the shipped scheduler config).
    sched = UniPCMultistepScheduler.from_pretrained(a.weights / "scheduler")
    write_json(out / "scheduler" / "scheduler_config.json", {
        "_class_name": "UniPCMultistepScheduler",
        "num_train_timesteps": sched.config.num_train_timesteps,
        "prediction_type": "flow_prediction",
        "use_flow_sigmas": True,
        "flow_shift": float(sched.config.flow_shift),
        "solver_order": 2,
        "solver_type": "bh2",
        "lower_order_final": True,
    })

    # 6. model_index.json: see docs/wan2.2.md (defaults 1280x704, 121 frames, 24 fps, 50 steps, CFG 5).
    write_json(out / "model_index.json", model_index(a))


def model_index(a):
    return {
        "_class_name": "SketchreelTextToVideoPipeline",
        "format_version": 1,
        "model_id": "wan2.2-ti2v-5b",
        "model_version": "2.2.0-onnx-fp16.1",
        "components": {k: k for k in ["tokenizer", "text_encoder", "transformer", "vae_decoder", "scheduler"]},
        "defaults": {
            "width": a.width, "height": a.height, "num_frames": a.frames, "fps": 24,
            "num_inference_steps": 50, "guidance_scale": 5.0, "scheduler": "unipc",
            # paste Wan's default negative prompt (sample_neg_prompt of the original Wan config) here
            "negative_prompt": "",
        },
        "limits": {
            "sizes": [[1280, 704], [704, 1280]], "min_size": 704, "max_size": 1280, "size_multiple": 32,
            "min_frames": 5, "max_frames": 121, "frames_multiple": 4, "max_steps": 100,
        },
        "latent": {"channels": 48, "spatial_compression": 16, "temporal_compression": 4, "temporal_rule": "causal"},
    }


def write_json(path: Path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2) + "\n")


if __name__ == "__main__":
    main()
