"""Fine-tune the VAE decoder on latents the DiT itself generates (the encoder, hence the latent
space, stays fixed). The DiT's latents are close to, but not exactly, the encoder's: their squares'
corners come out soft, so decoded squares often miss the shape rule's 0.88 box fill. Grounded on a
training scene's actual paths, the DiT draws that scene, so the rendered frames are its target.
Half of every batch stays encoder latents of real frames, so the reconstruction ceiling holds.

usage: finetune_decoder_on_samples.py [--clips 1000] [--steps 1200] [--out runs/autoencoder_fts.pt]
       [--shard A.npz,B.npz] [--with-shape square]   (only clips that contain such an object)
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse
import json
import os
import time

import numpy as np
import torch

from nets.autoencoder import LATENT, Encoder
from shapeworld.captions import caption_scene
from sktrain.checkpoints import load_decoder, load_dit, load_stats, load_text_encoder
from sktrain.conditioning import encode_captions, true_layout
from sktrain.frames import decoder_loss, load_bank, to_input
from sktrain.paths import DATA, RUNS
from sktrain.sampling import unipc


@torch.no_grad()
def sample_latents(dit, text_encoder, vocab, scenes, seed, guidance, steps=20):
    """DiT latents (de-normalised) for the scenes, grounded on their actual paths."""
    caps, orders = zip(*[caption_scene(sc, seed + i) for i, sc in enumerate(scenes)])
    n = len(scenes)
    ctx = torch.cat([encode_captions(text_encoder, vocab, caps), encode_captions(text_encoder, vocab, [""] * n)])
    paths, presence = true_layout(scenes, orders)
    looks = dit.layout(ctx)[2]
    layout = (paths.repeat(2, 1, 1), torch.cat([presence, torch.zeros_like(presence)]), looks)
    x = torch.randn((n, dit.channels, 16, 8, 8), generator=torch.Generator().manual_seed(seed))

    def velocity(x, t):
        v = dit(x.repeat(2, 1, 1, 1, 1), torch.full((2 * n,), float(t)), ctx, layout)
        return v[n:] + guidance * (v[:n] - v[n:])

    return unipc(velocity, x, steps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clips", type=int, default=1000)
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--guidance", type=float, default=3.0)
    ap.add_argument("--shard", default=str(DATA / "clips" / "shard_0012.npz"), help="clip shards, comma-separated")
    ap.add_argument("--with-shape", help="keep only clips with an object of this shape (e.g. square)")
    ap.add_argument("--ae", default=str(RUNS / "autoencoder_ft.pt"))
    ap.add_argument("--out", default=str(RUNS / "autoencoder_fts.pt"))
    ap.add_argument("--ckpt", help="DiT checkpoint (default: runs/dit.pt)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    t0 = time.time()
    text_encoder, vocab = load_text_encoder()
    dit, ck = load_dit(args.ckpt)
    mean, std = load_stats()
    frames, scenes = [], []
    for path in args.shard.split(","):
        d = np.load(path)
        shard = json.loads(str(d["scenes"]))
        keep = [i for i, sc in enumerate(shard)
                if not args.with_shape or any(o["shape"] == args.with_shape for o in sc["objects"])]
        frames.append(torch.from_numpy(d["frames"][keep]))
        scenes += [shard[i] for i in keep]
    frames, scenes = torch.cat(frames)[:args.clips], scenes[:args.clips]
    zs = []
    for i in range(0, len(scenes), 32):
        zs.append(sample_latents(dit, text_encoder, vocab, scenes[i:i + 32], args.seed * 100_000 + i, args.guidance))
        print(f"sampled {i + len(zs[-1])}/{len(scenes)} clips with the DiT at step {ck['step']}, "
              f"{time.time() - t0:.0f}s", flush=True)
    z_gen = (torch.cat(zs) * std + mean).transpose(1, 2).reshape(-1, LATENT, 8, 8)  # [N*16, C, 8, 8]
    f_gen = frames.reshape(-1, *frames.shape[2:])
    state = torch.load(args.ae)
    enc = Encoder()
    enc.load_state_dict(state["encoder"])
    enc.eval().requires_grad_(False)
    dec = load_decoder(args.ae, sharpness=1.0).train().requires_grad_(True)
    bank = load_bank(4000, args.seed)
    opt = torch.optim.AdamW(dec.parameters(), lr=args.lr, weight_decay=0.0)
    gen = torch.Generator().manual_seed(args.seed)
    half = args.batch // 2
    for step in range(1, args.steps + 1):
        gi = torch.randint(0, len(f_gen), (half,), generator=gen)
        real = bank[torch.randint(0, len(bank), (half,), generator=gen)]
        with torch.no_grad():
            z_real = enc(to_input(real))
        loss_gen, hit_gen = decoder_loss(dec, z_gen[gi], f_gen[gi], edge_weight=4.0)
        loss_real, _ = decoder_loss(dec, z_real + 0.1 * torch.randn_like(z_real), real, edge_weight=4.0)
        loss = loss_gen + loss_real
        opt.zero_grad(); loss.backward(); opt.step()
        if step % 100 == 0 or step == args.steps:
            print(json.dumps({"step": step, "loss_generated": round(loss_gen.item(), 4),
                              "loss_real": round(loss_real.item(), 4), "object_pixel_acc_generated": round(hit_gen.item(), 4),
                              "s": round(time.time() - t0)}), flush=True)
            torch.save({"encoder": state["encoder"], "decoder": dec.state_dict(), "step": state.get("step", 0),
                        "finetuned_on_dit_step": ck["step"]}, args.out + ".tmp")
            os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
