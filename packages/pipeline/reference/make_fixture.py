"""Creates the tiny random-weight model package (FORMAT.md v1) and the reference tensors the parity
tests compare against.

usage (from this folder, Debian's python3 with torch + onnx):
  /usr/bin/python3 make_fixture.py                       # the committed test fixtures
  /usr/bin/python3 make_fixture.py --only-grid-layout    # only tiny-grid-layout (+ -fixed-batch, -reference)
  /usr/bin/python3 make_fixture.py --only-conditioner    # only tiny-conditioner (+ -fixed-batch, -reference)
  /usr/bin/python3 make_fixture.py --out DIR --dim 256 --layers 6 --no-reference   # a bigger one for benchmarks
"""
import argparse
import json
import os
import shutil

import numpy as np
import torch

import reference_pipeline
import tiny_random_model

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "test", "fixtures")
MAX_LENGTH = 16
CHANNELS = 4
LATENTS_MEAN = [0.1, -0.2, 0.05, 0.3]
LATENTS_STD = [0.8, 1.2, 0.9, 1.1]
FLOW_SHIFT = 3.0
WORDS = """a an the of to from at on in is and while as , . - screen edge corner center middle left right top bottom
red green blue yellow purple orange white ball circle sphere dot square box cube block triangle moves rolls slides
glides travels drifts falls rises stays remains sits still stationary above below""".split()

# The parity cases: small sizes keep the committed tensors small.
CASES = [
    {"name": f"{scheduler}", "prompt": "A red ball moves from the left edge to the right", "negative_prompt": "",
     "seed": 42, "steps": 6, "guidance": 3.0, "width": 32, "height": 32, "frames": 8, "scheduler": scheduler}
    for scheduler in ("euler", "unipc")
] + [
    {"name": "unipc-no-guidance", "prompt": "a blue cube stays at the top-left", "negative_prompt": "",
     "seed": 7, "steps": 5, "guidance": 1.0, "width": 32, "height": 48, "frames": 4, "scheduler": "unipc"}
]


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def tokenizer_json(vocab):
    special = lambda i, t: {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                            "normalized": False, "special": True}
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [special(0, "<pad>"), special(1, "<unk>")],
        "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None, "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<unk>"},
    }


def export(module, args, path, inputs, outputs, dynamic):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(module, args, path, input_names=inputs, output_names=outputs, dynamic_axes=dynamic,
                      opset_version=17, do_constant_folding=True)


def latent_axes(batch=True):
    axes = {2: "frames", 3: "latent_height", 4: "latent_width"}
    return {0: "batch", **axes} if batch else axes


def write_tiny_configs(out, vocab, dim):
    """The tokenizer and the config.json files the tiny 4-channel fixtures share (8x VAE, UniPC, shift 3)."""
    write_json(f"{out}/tokenizer/tokenizer.json", tokenizer_json(vocab))
    write_json(f"{out}/tokenizer/tokenizer_config.json",
               {"model_max_length": MAX_LENGTH, "pad_token": "<pad>", "unk_token": "<unk>", "padding_side": "right"})
    write_json(f"{out}/text_encoder/config.json", {"hidden_size": dim, "max_length": MAX_LENGTH, "output_length": MAX_LENGTH})
    write_json(f"{out}/transformer/config.json", {"in_channels": CHANNELS, "out_channels": CHANNELS, "patch_size": [1, 2, 2],
                                                  "text_dim": dim, "num_train_timesteps": 1000})
    write_json(f"{out}/vae_decoder/config.json", {"latent_channels": CHANNELS, "scale_factor_spatial": 8,
                                                  "scale_factor_temporal": 1, "latents_mean": LATENTS_MEAN,
                                                  "latents_std": LATENTS_STD})
    write_json(f"{out}/scheduler/scheduler_config.json", {
        "_class_name": "UniPCMultistepScheduler", "num_train_timesteps": 1000, "prediction_type": "flow_prediction",
        "use_flow_sigmas": True, "flow_shift": FLOW_SHIFT, "solver_order": 2, "solver_type": "bh2",
        "lower_order_final": True, "final_sigmas_type": "zero"})


def export_package(out, modules, vocab, dim):
    text_encoder, transformer, decoder = modules
    ids = torch.zeros(2, MAX_LENGTH, dtype=torch.long)
    export(text_encoder, (ids, torch.ones_like(ids)), f"{out}/text_encoder/model.onnx",
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch"}, "attention_mask": {0: "batch"}, "last_hidden_state": {0: "batch"}})
    x = torch.randn(2, CHANNELS, 4, 4, 4)
    export(transformer, (x, torch.full((2,), 500.0), torch.randn(2, MAX_LENGTH, dim)), f"{out}/transformer/model.onnx",
           ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
           {"hidden_states": latent_axes(), "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"},
            "sample": latent_axes()})
    export(decoder, (torch.randn(1, CHANNELS, 4, 4, 4),), f"{out}/vae_decoder/model.onnx", ["latent_sample"], ["sample"],
           {"latent_sample": latent_axes(), "sample": {0: "batch", 2: "frames", 3: "height", 4: "width"}})

    write_tiny_configs(out, vocab, dim)
    write_json(f"{out}/model_index.json", {
        "_class_name": "SketchreelTextToVideoPipeline", "format_version": 1,
        "model_id": "tiny-random", "model_version": "1.0.0",
        "components": {"tokenizer": "tokenizer", "text_encoder": "text_encoder", "transformer": "transformer",
                       "vae_decoder": "vae_decoder", "scheduler": "scheduler"},
        "defaults": {"width": 64, "height": 64, "num_frames": 16, "fps": 8, "num_inference_steps": 8,
                     "guidance_scale": 4.0, "negative_prompt": "", "scheduler": "unipc"},
        "limits": {"min_size": 32, "max_size": 64, "size_multiple": 16, "min_frames": 4, "max_frames": 16,
                   "frames_multiple": 4, "max_steps": 50},
        "latent": {"channels": CHANNELS, "spatial_compression": 8, "temporal_compression": 1, "temporal_rule": "divide"},
        "vocabulary": None})


def export_fixed_batch_transformer(path, transformer, dim):
    """The same transformer with a static batch of 1: exercises the runner's two-run guidance path."""
    x = torch.randn(1, CHANNELS, 4, 4, 4)
    export(transformer, (x, torch.full((1,), 500.0), torch.randn(1, MAX_LENGTH, dim)), path,
           ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
           {"hidden_states": latent_axes(False), "sample": latent_axes(False)})


def save_tensor(folder, name, tensor):
    array = np.ascontiguousarray(tensor.detach().numpy() if torch.is_tensor(tensor) else tensor)
    array.tofile(os.path.join(folder, f"{name}.bin"))
    return {"file": f"{name}.bin", "dtype": str(array.dtype), "shape": list(array.shape)}


TINY_CONFIG = {"max_length": MAX_LENGTH, "flow_shift": FLOW_SHIFT, "num_train_timesteps": 1000, "channels": CHANNELS,
               "spatial_compression": 8, "temporal_compression": 1, "latents_mean": LATENTS_MEAN,
               "latents_std": LATENTS_STD}


def write_reference(folder, modules, vocab, config=TINY_CONFIG, cases=CASES, skip_frames=()):
    """`skip_frames`: names of cases whose decoded frames are too big to commit (their latents are kept)."""
    manifest = {"generated_by": "packages/pipeline/reference/make_fixture.py", "torch": torch.__version__, "cases": []}
    for case in cases:
        case_dir = os.path.join(folder, case["name"])
        os.makedirs(case_dir, exist_ok=True)
        result = reference_pipeline.run(modules, vocab, config, case)
        names = ["input_ids", "embeddings", "noise", "layout_noise", "conditioning", "sigmas", "decoded", "frames"]
        skipped = ("decoded", "frames") if case["name"] in skip_frames else ()
        tensors = {name: save_tensor(case_dir, name, result[name])
                   for name in names if name in result and name not in skipped}
        tensors["latents"] = [save_tensor(case_dir, f"latents_{i}", x) for i, x in enumerate(result["latents"])]
        manifest["cases"].append({**case, "dir": case["name"], "tensors": tensors})
    write_json(os.path.join(folder, "manifest.json"), manifest)


WAN_CHANNELS, WAN_SPATIAL, WAN_TEMPORAL = 48, 16, 4
WAN_CASES = [
    {"name": "wan-shaped-unipc", "prompt": "a yellow ball rolls from the left edge to the center", "negative_prompt": "",
     "seed": 11, "steps": 5, "guidance": 5.0, "width": 64, "height": 32, "frames": 9, "scheduler": "unipc"},
]


def write_wan_shaped(out, reference_dir, vocab):
    """A tiny random model shaped like Wan2.2-TI2V-5B's export: 48 latent channels, a 16x spatial and
    causal 4x temporal VAE (frames = 4k + 1), 2x2 patches, int64 timesteps, UniPC with shift 5."""
    modules = tiny_random_model.build(len(vocab), MAX_LENGTH, 32, 32, 2, WAN_CHANNELS, seed=1, spatial=WAN_SPATIAL,
                                      temporal=WAN_TEMPORAL)
    text_encoder, transformer, decoder = modules
    mean = [round(0.05 * ((i % 7) - 3), 3) for i in range(WAN_CHANNELS)]
    std = [round(0.8 + 0.05 * (i % 9), 3) for i in range(WAN_CHANNELS)]
    ids = torch.zeros(2, MAX_LENGTH, dtype=torch.long)
    export(text_encoder, (ids, torch.ones_like(ids)), f"{out}/text_encoder/model.onnx",
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch"}, "attention_mask": {0: "batch"}, "last_hidden_state": {0: "batch"}})
    x = torch.randn(2, WAN_CHANNELS, 3, 2, 4)
    export(transformer, (x, torch.full((2,), 500, dtype=torch.int64), torch.randn(2, MAX_LENGTH, 32)),
           f"{out}/transformer/model.onnx", ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
           {"hidden_states": latent_axes(), "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"},
            "sample": latent_axes()})
    export(decoder, (torch.randn(1, WAN_CHANNELS, 3, 2, 4),), f"{out}/vae_decoder/model.onnx", ["latent_sample"],
           ["sample"], {"latent_sample": latent_axes(), "sample": {0: "batch", 2: "frames", 3: "height", 4: "width"}})
    write_json(f"{out}/tokenizer/tokenizer.json", tokenizer_json(vocab))
    write_json(f"{out}/tokenizer/tokenizer_config.json",
               {"model_max_length": MAX_LENGTH, "pad_token": "<pad>", "unk_token": "<unk>", "padding_side": "right"})
    write_json(f"{out}/text_encoder/config.json", {"hidden_size": 32, "max_length": MAX_LENGTH, "output_length": MAX_LENGTH})
    write_json(f"{out}/transformer/config.json", {"in_channels": WAN_CHANNELS, "out_channels": WAN_CHANNELS,
                                                  "patch_size": [1, 2, 2], "text_dim": 32, "num_train_timesteps": 1000})
    write_json(f"{out}/vae_decoder/config.json", {"latent_channels": WAN_CHANNELS, "scale_factor_spatial": WAN_SPATIAL,
                                                  "scale_factor_temporal": WAN_TEMPORAL, "latents_mean": mean,
                                                  "latents_std": std})
    write_json(f"{out}/scheduler/scheduler_config.json", {
        "_class_name": "UniPCMultistepScheduler", "num_train_timesteps": 1000, "prediction_type": "flow_prediction",
        "use_flow_sigmas": True, "flow_shift": 5.0, "solver_order": 2, "solver_type": "bh2",
        "lower_order_final": True, "final_sigmas_type": "zero"})
    write_json(f"{out}/model_index.json", {
        "_class_name": "SketchreelTextToVideoPipeline", "format_version": 1,
        "model_id": "tiny-wan-shaped", "model_version": "1.0.0",
        "components": {"tokenizer": "tokenizer", "text_encoder": "text_encoder", "transformer": "transformer",
                       "vae_decoder": "vae_decoder", "scheduler": "scheduler"},
        "defaults": {"width": 64, "height": 32, "num_frames": 9, "fps": 24, "num_inference_steps": 5,
                     "guidance_scale": 5.0, "negative_prompt": "", "scheduler": "unipc"},
        "limits": {"sizes": [[64, 32], [32, 64]], "min_frames": 5, "max_frames": 13, "max_steps": 50},
        "latent": {"channels": WAN_CHANNELS, "spatial_compression": WAN_SPATIAL, "temporal_compression": WAN_TEMPORAL,
                   "temporal_rule": "causal"}})
    config = {"max_length": MAX_LENGTH, "flow_shift": 5.0, "num_train_timesteps": 1000, "channels": WAN_CHANNELS,
              "spatial_compression": WAN_SPATIAL, "temporal_compression": WAN_TEMPORAL, "temporal_rule": "causal",
              "timestep_dtype": "int64", "latents_mean": mean, "latents_std": std}
    write_reference(reference_dir, modules, vocab, config, WAN_CASES)


GRID_SHORT_SIDE, LAYOUT_DIM = 8, 6
GRID_SIZES = [[64, 64], [128, 128], [256, 256], [256, 144]]
GRID_CASES = [
    {"name": "grid-16x9", "prompt": "a yellow ball rolls from the left edge to the center", "negative_prompt": "",
     "seed": 5, "steps": 3, "guidance": 3.0, "width": 256, "height": 144, "frames": 8, "scheduler": "unipc"},
    {"name": "grid-square-euler", "prompt": "a red ball falls", "negative_prompt": "",
     "seed": 9, "steps": 2, "guidance": 1.0, "width": 64, "height": 64, "frames": 4, "scheduler": "euler"},
]


def write_grid_layout(out, fixed_out, reference_dir, vocab):
    """A tiny random model with the optional 3.0-style parts (MODEL-PACKAGE.md): the "grid" latent rule (8 cells
    on the shorter side for every size), a transformer taking layout_noise [B, 6] and a decoder taking output_size
    that upsamples the one grid to 64x64, 128x128, 256x256 or 256x144. Plus a static-batch copy of its transformer."""
    modules = tiny_random_model.build_grid_layout(len(vocab), MAX_LENGTH, 32, 32, 2, CHANNELS, LAYOUT_DIM)
    text_encoder, transformer, decoder = modules
    ids = torch.zeros(2, MAX_LENGTH, dtype=torch.long)
    export(text_encoder, (ids, torch.ones_like(ids)), f"{out}/text_encoder/model.onnx",
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch"}, "attention_mask": {0: "batch"}, "last_hidden_state": {0: "batch"}})
    inputs = ["hidden_states", "timestep", "encoder_hidden_states", "layout_noise"]
    for batch, path in ((2, f"{out}/transformer/model.onnx"), (1, f"{fixed_out}/transformer/model.onnx")):
        args = (torch.randn(batch, CHANNELS, 4, 8, 14), torch.full((batch,), 500.0), torch.randn(batch, MAX_LENGTH, 32),
                torch.randn(batch, LAYOUT_DIM))
        dynamic = {"hidden_states": latent_axes(), "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"},
                   "layout_noise": {0: "batch"}, "sample": latent_axes()}
        if batch == 1:
            dynamic = {"hidden_states": latent_axes(False), "sample": latent_axes(False)}
        export(transformer, args, path, inputs, ["sample"], dynamic)
    export(decoder, (torch.randn(1, CHANNELS, 4, 8, 8), torch.tensor([64, 64])), f"{out}/vae_decoder/model.onnx",
           ["latent_sample", "output_size"], ["sample"],
           {"latent_sample": latent_axes(), "sample": {0: "batch", 2: "frames", 3: "height", 4: "width"}})
    write_json(f"{out}/tokenizer/tokenizer.json", tokenizer_json(vocab))
    write_json(f"{out}/tokenizer/tokenizer_config.json",
               {"model_max_length": MAX_LENGTH, "pad_token": "<pad>", "unk_token": "<unk>", "padding_side": "right"})
    write_json(f"{out}/text_encoder/config.json", {"hidden_size": 32, "max_length": MAX_LENGTH, "output_length": MAX_LENGTH})
    transformer_config = {"in_channels": CHANNELS, "out_channels": CHANNELS, "patch_size": [1, 2, 2], "text_dim": 32,
                          "num_train_timesteps": 1000}
    write_json(f"{out}/transformer/config.json", transformer_config)
    write_json(f"{fixed_out}/transformer/config.json", transformer_config)
    write_json(f"{out}/vae_decoder/config.json", {"latent_channels": CHANNELS, "scale_factor_spatial": 8,
                                                  "scale_factor_temporal": 1, "latents_mean": LATENTS_MEAN,
                                                  "latents_std": LATENTS_STD})
    write_json(f"{out}/scheduler/scheduler_config.json", {
        "_class_name": "UniPCMultistepScheduler", "num_train_timesteps": 1000, "prediction_type": "flow_prediction",
        "use_flow_sigmas": True, "flow_shift": FLOW_SHIFT, "solver_order": 2, "solver_type": "bh2",
        "lower_order_final": True, "final_sigmas_type": "zero"})
    write_json(f"{out}/model_index.json", {
        "_class_name": "SketchreelTextToVideoPipeline", "format_version": 1,
        "model_id": "tiny-grid-layout", "model_version": "1.0.0",
        "components": {"tokenizer": "tokenizer", "text_encoder": "text_encoder", "transformer": "transformer",
                       "vae_decoder": "vae_decoder", "scheduler": "scheduler"},
        "defaults": {"width": 64, "height": 64, "num_frames": 8, "fps": 8, "num_inference_steps": 4,
                     "guidance_scale": 3.0, "negative_prompt": "", "scheduler": "unipc"},
        "limits": {"sizes": GRID_SIZES, "min_frames": 4, "max_frames": 32, "frames_multiple": 4, "max_steps": 50},
        "latent": {"channels": CHANNELS, "spatial_compression": 8, "temporal_compression": 1, "temporal_rule": "divide",
                   "spatial_rule": "grid", "grid_short_side": GRID_SHORT_SIDE},
        "vocabulary": None})
    config = {**TINY_CONFIG, "spatial_rule": "grid", "grid_short_side": GRID_SHORT_SIDE, "layout_noise_dim": LAYOUT_DIM,
              "output_size": True}
    write_reference(reference_dir, modules, vocab, config, GRID_CASES, skip_frames=("grid-16x9",))
    write_bad_optional_inputs(os.path.join(FIXTURES, "tiny-grid-layout-bad-inputs"))


CONDITIONER_CASES = [
    {"name": "conditioner-unipc", "prompt": "a yellow ball rolls from the left edge to the center", "negative_prompt": "",
     "seed": 13, "steps": 4, "guidance": 3.0, "width": 32, "height": 48, "frames": 8, "scheduler": "unipc"},
    {"name": "conditioner-no-guidance", "prompt": "a red ball falls", "negative_prompt": "",
     "seed": 21, "steps": 2, "guidance": 1.0, "width": 32, "height": 32, "frames": 4, "scheduler": "euler"},
]


def write_conditioner(out, fixed_out, reference_dir, vocab):
    """A tiny random model with the optional `conditioner` component (MODEL-PACKAGE.md): run once per request on
    the text states, the initial latents' shape and layout_noise [B, 6]; its transformer takes the conditioning
    [B, S + F, 32] as encoder_hidden_states. Plus a static-batch copy of its conditioner."""
    modules = tiny_random_model.build_conditioner(len(vocab), MAX_LENGTH, 32, 32, 2, CHANNELS, LAYOUT_DIM)
    text_encoder, transformer, decoder, conditioner = modules
    ids = torch.zeros(2, MAX_LENGTH, dtype=torch.long)
    export(text_encoder, (ids, torch.ones_like(ids)), f"{out}/text_encoder/model.onnx",
           ["input_ids", "attention_mask"], ["last_hidden_state"],
           {"input_ids": {0: "batch"}, "attention_mask": {0: "batch"}, "last_hidden_state": {0: "batch"}})
    for batch, path in ((2, f"{out}/conditioner/model.onnx"), (1, f"{fixed_out}/conditioner/model.onnx")):
        args = (torch.randn(batch, MAX_LENGTH, 32), torch.randn(batch, CHANNELS, 4, 6, 4), torch.randn(batch, LAYOUT_DIM))
        dynamic = {"encoder_hidden_states": {0: "batch"}, "hidden_states": latent_axes(), "layout_noise": {0: "batch"},
                   "conditioning": {0: "batch", 1: "conditioning_length"}}
        if batch == 1:
            dynamic = {"hidden_states": latent_axes(False), "conditioning": {1: "conditioning_length"}}
        export(conditioner, args, path, ["encoder_hidden_states", "hidden_states", "layout_noise"], ["conditioning"],
               dynamic)
    export(transformer, (torch.randn(2, CHANNELS, 4, 6, 4), torch.full((2,), 500.0), torch.randn(2, MAX_LENGTH + 4, 32)),
           f"{out}/transformer/model.onnx", ["hidden_states", "timestep", "encoder_hidden_states"], ["sample"],
           {"hidden_states": latent_axes(), "timestep": {0: "batch"},
            "encoder_hidden_states": {0: "batch", 1: "conditioning_length"}, "sample": latent_axes()})
    export(decoder, (torch.randn(1, CHANNELS, 4, 6, 4),), f"{out}/vae_decoder/model.onnx", ["latent_sample"], ["sample"],
           {"latent_sample": latent_axes(), "sample": {0: "batch", 2: "frames", 3: "height", 4: "width"}})
    write_tiny_configs(out, vocab, 32)
    write_json(f"{out}/model_index.json", {
        "_class_name": "SketchreelTextToVideoPipeline", "format_version": 1,
        "model_id": "tiny-conditioner", "model_version": "1.0.0",
        "components": {"tokenizer": "tokenizer", "text_encoder": "text_encoder", "conditioner": "conditioner",
                       "transformer": "transformer", "vae_decoder": "vae_decoder", "scheduler": "scheduler"},
        "defaults": {"width": 32, "height": 32, "num_frames": 8, "fps": 8, "num_inference_steps": 4,
                     "guidance_scale": 3.0, "negative_prompt": "", "scheduler": "unipc"},
        "limits": {"min_size": 32, "max_size": 64, "size_multiple": 16, "min_frames": 4, "max_frames": 16,
                   "frames_multiple": 4, "max_steps": 50},
        "latent": {"channels": CHANNELS, "spatial_compression": 8, "temporal_compression": 1, "temporal_rule": "divide"},
        "vocabulary": None})
    config = {**TINY_CONFIG, "layout_noise_dim": LAYOUT_DIM}
    write_reference(reference_dir, modules, vocab, config, CONDITIONER_CASES)


def write_bad_optional_inputs(folder):
    """Graphs declaring an optional input with the wrong type or shape, for the load checks' tests: each has the
    component's required I/O (sample = its first input) and one bad optional input."""
    from onnx import TensorProto, helper, save_model

    def graph(path, inputs, bad):
        tensors = [helper.make_tensor_value_info(name, TensorProto.FLOAT, dims) for name, dims in inputs] + [bad]
        output = helper.make_tensor_value_info("sample", TensorProto.FLOAT, inputs[0][1])
        body = helper.make_graph([helper.make_node("Identity", [inputs[0][0]], ["sample"])], "bad", tensors, [output])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        save_model(helper.make_model(body, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), path)

    latent = ["batch", CHANNELS, "frames", "latent_height", "latent_width"]
    transformer = [("hidden_states", latent), ("timestep", ["batch"]), ("encoder_hidden_states", ["batch", MAX_LENGTH, 32])]
    make = helper.make_tensor_value_info
    graph(f"{folder}/layout-noise-int64/model.onnx", transformer, make("layout_noise", TensorProto.INT64, ["batch", 6]))
    graph(f"{folder}/layout-noise-dynamic-k/model.onnx", transformer, make("layout_noise", TensorProto.FLOAT, ["batch", "k"]))
    graph(f"{folder}/output-size-rank-2/model.onnx", [("latent_sample", latent)],
          make("output_size", TensorProto.INT64, [1, 2]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(FIXTURES, "tiny-random"))
    ap.add_argument("--dim", type=int, default=32)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--no-reference", action="store_true")
    ap.add_argument("--save-weights", help="also write the torch state dicts here (for the benchmark's reference)")
    ap.add_argument("--only-grid-layout", action="store_true", help="write only test/fixtures/tiny-grid-layout*")
    ap.add_argument("--only-conditioner", action="store_true", help="write only test/fixtures/tiny-conditioner*")
    args = ap.parse_args()
    torch.set_num_threads(2)
    vocab = {w: i for i, w in enumerate(["<pad>", "<unk>"] + sorted(set(WORDS)))}
    grid_layout = lambda: write_grid_layout(os.path.join(FIXTURES, "tiny-grid-layout"),
                                            os.path.join(FIXTURES, "tiny-grid-layout-fixed-batch"),
                                            os.path.join(FIXTURES, "tiny-grid-layout-reference"), vocab)
    conditioner = lambda: write_conditioner(os.path.join(FIXTURES, "tiny-conditioner"),
                                            os.path.join(FIXTURES, "tiny-conditioner-fixed-batch"),
                                            os.path.join(FIXTURES, "tiny-conditioner-reference"), vocab)
    if args.only_grid_layout:
        grid_layout()
        return
    if args.only_conditioner:
        conditioner()
        return
    modules = tiny_random_model.build(len(vocab), MAX_LENGTH, args.dim, args.dim, args.layers, CHANNELS)
    export_package(args.out, modules, vocab, args.dim)
    if args.save_weights:
        torch.save({"dim": args.dim, "layers": args.layers, "vocab": vocab,
                    "state": [m.state_dict() for m in modules]}, args.save_weights)
    if not args.no_reference:
        fixed = os.path.join(FIXTURES, "tiny-random-fixed-batch", "transformer")
        export_fixed_batch_transformer(os.path.join(fixed, "model.onnx"), modules[1], args.dim)
        shutil.copy(os.path.join(args.out, "transformer", "config.json"), fixed)
        write_reference(os.path.join(FIXTURES, "tiny-random-reference"), modules, vocab)
        write_wan_shaped(os.path.join(FIXTURES, "tiny-wan-shaped"), os.path.join(FIXTURES, "tiny-wan-shaped-reference"),
                         vocab)
        grid_layout()
        conditioner()
    print("wrote", os.path.abspath(args.out))


if __name__ == "__main__":
    main()
