"""Train the latent DiT with flow matching on pre-encoded clips; captions re-phrased every step.

usage: train_dit.py [--minutes M] [--steps N] [--resume]   (checkpoint: runs/dit.pt, log: runs/dit_log.jsonl)
       [--decay-steps N]  cosine learning-rate decay over the next N steps, then stop
       [--keep 5900,9600]  also keep the checkpoint as it is at these steps (runs/dit_5900.pt, ...)
       [--pixel-weight W --decoder AE]  add a palette cross-entropy of the frozen decoder's reading of
                          the predicted clean latents against the rendered frames (see pixel_loss)
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse
import glob
import json
import os
import shutil
import time

import numpy as np
import torch

from nets.dit import DiT
from shapeworld.captions import caption_scene
from sktrain.checkpoints import DIT_CONFIG, load_decoder, load_stats, load_text_encoder, read_dit_checkpoint
from sktrain.conditioning import encode_captions, true_layout
from sktrain.frames import decoder_loss
from sktrain.paths import CHECKPOINTS, DATA, RUNS

EMPTY_RATE = 0.1
SHIFT = 3.0


def load_latents(directory):
    zs, scenes = [], []
    for p in sorted(glob.glob(f"{directory}/shard_*.npz")):
        d = np.load(p)
        zs.append(torch.from_numpy(d["latents"].astype(np.float32)))
        scenes += json.loads(str(d["scenes"]))
    mean, std = load_stats()
    return (torch.cat(zs) - mean) / std, scenes


def load_frames(latent_dir, clip_dir, scenes):
    """The rendered frames of every encoded clip (uint8 [N, F, H, W, 3]), in load_latents' order,
    checked scene for scene against its `scenes`."""
    frames = []
    for p in sorted(glob.glob(f"{latent_dir}/shard_*.npz")):
        d = np.load(os.path.join(clip_dir, os.path.basename(p)))
        start = sum(len(f) for f in frames)
        frames.append(torch.from_numpy(d["frames"]))
        assert json.loads(str(d["scenes"])) == scenes[start:start + len(frames[-1])], p
    frames = torch.cat(frames)
    assert len(frames) == len(scenes)
    return frames


def pixel_loss(decoder, x0_pred, sigma, frames, mean, std, per_clip, gen):
    """Cross-entropy of the frozen decoder's palette logits for the predicted clean latents of
    `per_clip` random frames of every clip, weighted by (1 - sigma): the latent MSE treats a soft
    square corner as a small error, but it is what flips a square into a ball under the shape rule."""
    b, f = x0_pred.shape[0], x0_pred.shape[2]
    fi = torch.stack([torch.randperm(f, generator=gen)[:per_clip] for _ in range(b)])      # [B, k]
    z = (x0_pred * std + mean).transpose(1, 2)                                             # [B, F, C, h, w]
    z = z[torch.arange(b)[:, None], fi].reshape(b * per_clip, *z.shape[2:])
    target = frames[torch.arange(b)[:, None], fi].reshape(b * per_clip, *frames.shape[2:])
    loss, _ = decoder_loss(decoder, z, target, edge_weight=4.0,
                           sample_weight=(1 - sigma).repeat_interleave(per_clip))
    return loss


def sample_sigma(n, gen):
    u = torch.sigmoid(torch.randn(n, generator=gen))
    return SHIFT * u / (1 + (SHIFT - 1) * u)


def save(path, **state):
    torch.save(state, path + ".tmp")
    os.replace(path + ".tmp", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=100000)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=6e-4)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--ckpt", default=str(RUNS / "dit.pt"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--latents", default=str(DATA / "latents"))
    ap.add_argument("--init", help="warm start from another DiT checkpoint's EMA weights (new layers stay fresh)")
    ap.add_argument("--keep", default="", help="comma-separated steps (multiples of 100) whose checkpoint is kept "
                    "beside --ckpt as <ckpt>_<step>.pt")
    ap.add_argument("--decay-steps", type=int, default=0,
                    help="cosine-decay the learning rate to 5%% over this many steps from the start step, then stop")
    ap.add_argument("--pixel-weight", type=float, default=0.0)
    ap.add_argument("--pixel-frames", type=int, default=4, help="frames per clip that the pixel loss decodes")
    ap.add_argument("--decoder", help="autoencoder checkpoint the pixel loss reads through (frozen)")
    ap.add_argument("--clips", default=str(DATA / "clips"), help="rendered clips matching --latents (pixel loss)")
    args = ap.parse_args()
    keep = {int(k) for k in args.keep.split(",") if k}
    if any(k % 100 for k in keep):
        ap.error(f"--keep: checkpoints are saved every 100 steps, so {sorted(keep)} must be multiples of 100")
    torch.manual_seed(args.seed)
    text_encoder, vocab = load_text_encoder()
    latents, scenes = load_latents(args.latents)
    model = DiT(**DIT_CONFIG)
    if args.init and not args.resume:
        missing, _ = model.load_state_dict(read_dit_checkpoint(args.init)["ema"], strict=False)
        print(f"warm start from {args.init}; fresh: {sorted({k.split('.')[0] for k in missing})}", flush=True)
    ema = DiT(**DIT_CONFIG).requires_grad_(False)
    ema.load_state_dict(model.state_dict())
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0)
    step, elapsed, gen = 0, 0.0, torch.Generator().manual_seed(args.seed)
    if args.resume:
        ck = read_dit_checkpoint(args.ckpt if os.path.exists(args.ckpt) else str(CHECKPOINTS / "dit.pt"))
        model.load_state_dict(ck["model"]); ema.load_state_dict(ck["ema"])
        if "opt" in ck:  # the slim committed checkpoint has no optimizer state / rng
            opt.load_state_dict(ck["opt"]); gen.set_state(ck["gen"])
        step, elapsed = ck["step"], ck["elapsed"]
    if model.ground:  # always the head of the text encoder in use (it may have been fine-tuned since)
        for m in (model, ema):
            m.parse_head.load_state_dict(text_encoder.head.state_dict())
    print(f"{len(latents)} clips, {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M params, "
          f"start step {step}", flush=True)
    first_step, last_step = step, (step + args.decay_steps if args.decay_steps else args.steps)
    if args.pixel_weight:
        frames = load_frames(args.latents, args.clips, scenes)
        decoder, (mean, std) = load_decoder(args.decoder, sharpness=1.0), load_stats()
    empty = encode_captions(text_encoder, vocab, [""])
    t_start, log = time.time(), open(os.path.splitext(args.ckpt)[0] + "_log.jsonl", "a")
    while step < last_step and (time.time() - t_start) / 60 < args.minutes:
        t0 = time.time()
        idx = torch.randint(0, len(latents), (args.batch,), generator=gen)
        batch_scenes = [scenes[i] for i in idx]
        caps, orders = zip(*[caption_scene(sc, int(torch.randint(0, 2**31, (1,), generator=gen))) for sc in batch_scenes])
        ctx = encode_captions(text_encoder, vocab, caps)
        drop = torch.rand(args.batch, generator=gen) < EMPTY_RATE
        ctx[drop] = empty
        layout = None
        if model.ground:  # actual paths, parsed colour/shape; dropped captions get no grounding
            paths, presence = true_layout(batch_scenes, orders)
            presence[drop] = 0.0
            with torch.no_grad():
                looks = model.layout(ctx)[2]
            layout = (paths, presence, looks)
        x0 = latents[idx]
        noise = torch.randn(x0.shape, generator=gen)
        sigma = sample_sigma(args.batch, gen)
        s = sigma.view(-1, 1, 1, 1, 1)
        pred = model((1 - s) * x0 + s * noise, sigma * 1000, ctx, layout)
        loss = ((pred - (noise - x0)) ** 2).mean()
        if args.pixel_weight:
            x0_pred = (1 - s) * x0 + s * noise - s * pred  # x_sigma - sigma * v
            loss_px = pixel_loss(decoder, x0_pred, sigma, frames[idx], mean, std, args.pixel_frames, gen)
            loss = loss + args.pixel_weight * loss_px
        lr = args.lr * min(1.0, (step + 1) / 100)
        if args.decay_steps:
            lr = args.lr * (0.05 + 0.95 * 0.5 * (1 + np.cos(np.pi * (step - first_step) / args.decay_steps)))
        for g in opt.param_groups:
            g["lr"] = lr
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        decay = min(0.998, (1 + step) / (10 + step))
        with torch.no_grad():
            for pe, pm in zip(ema.parameters(), model.parameters()):
                pe.mul_(decay).add_(pm, alpha=1 - decay)
        elapsed += time.time() - t0
        if step % 10 == 0:
            entry = {"step": step, "loss": round(loss.item(), 5), "elapsed_s": round(elapsed, 1),
                     "wall": time.strftime("%H:%M:%S"), "lr": float(f"{lr:.3g}")}
            if args.pixel_weight:
                entry["pixel_loss"] = round(loss_px.item(), 5)
            log.write(json.dumps(entry) + "\n"); log.flush()
        if step % 50 == 0:
            print(f"step {step} loss {loss.item():.4f} {elapsed / 60:.1f} min ({time.time() - t0:.2f} s/step)", flush=True)
        if step % 100 == 0:
            save(args.ckpt, model=model.state_dict(), ema=ema.state_dict(), opt=opt.state_dict(), step=step,
                 elapsed=elapsed, gen=gen.get_state(), config=DIT_CONFIG)
            if step in keep:
                shutil.copy(args.ckpt, f"{os.path.splitext(args.ckpt)[0]}_{step}.pt")
    save(args.ckpt, model=model.state_dict(), ema=ema.state_dict(), opt=opt.state_dict(), step=step,
         elapsed=elapsed, gen=gen.get_state(), config=DIT_CONFIG)
    print(f"done at step {step}, {elapsed / 60:.1f} min of training", flush=True)


if __name__ == "__main__":
    main()
