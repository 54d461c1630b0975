"""Fine-tune model 3.0's decoder on latents the denoiser itself generates (2.x's most effective step:
the denoiser's squares come out with soft corners that a decoder trained only on encoder latents
draws as balls). Frames of the rendered set are sampled by the EMA denoiser grounded on their actual
objects (20 Euler steps, guidance G), then the decoder trains on those latents mixed 1:1 with
the frames' own (PCA) latents, against the frames' palette coverage at 8 pixels per cell.

usage: python3 -m v3.finetune_decoder [--frames 2048] [--steps 1200] [--guidance 2] [--out runs/v3/decoder_ft.pt]
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import time

import numpy as np
import torch

from sktrain.paths import DATA, RUNS
from v3.data import load_frames
from v3.nets import LATENT, Decoder, DiT, SIGMA_MIN
from v3.decoder_loss import LATENT_NOISE, loss_fn
from v3.train_decoder import targets

SHIFT = 3.0


@torch.no_grad()
def sample_latents(dit, objects, sizes, shape, steps, guidance, gen):
    """Per-frame denoising grounded on `objects` [N, 6, 5]: normalised latents [N, LATENT, h, w]."""
    n, c, h, w = shape
    valid = objects[..., 4]
    g_c = dit.grounding(objects[..., :2], valid, objects[..., 2].long() + 1, objects[..., 3].long(), sizes, h, w)
    g_u = dit.grounding(objects[..., :2], valid * 0, objects[..., 2].long() + 1, objects[..., 3].long(), sizes, h, w)
    x = torch.randn(shape, generator=gen)
    t = torch.linspace(1, 0, steps + 1)
    sig = SHIFT * t / (1 + (SHIFT - 1) * t)
    for i in range(steps):
        s = torch.full((n,), float(sig[i]))
        s4 = s.clamp(min=SIGMA_MIN)[:, None, None, None]
        v_c = (x - dit.denoise(x, s * 1000, g_c)) / s4
        v_u = (x - dit.denoise(x, s * 1000, g_u)) / s4
        x = x + (sig[i + 1] - sig[i]) * (v_u + guidance * (v_c - v_u))
    return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=2048)
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--guidance", type=float, default=2.0)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--dit", default=str(RUNS / "v3" / "dit.pt"))
    ap.add_argument("--decoder", default=str(RUNS / "v3" / "decoder_pca.pt"))
    ap.add_argument("--out", default=str(RUNS / "v3" / "decoder_ft.pt"))
    ap.add_argument("--offset", type=int, default=50_000, help="frames from this index on (not the DiT's first ones)")
    args = ap.parse_args()
    t0 = time.time()
    gen = torch.Generator().manual_seed(5)
    rng = np.random.default_rng(5)
    data = load_frames()
    stats = json.load(open(RUNS / "v3" / "latent_stats_pca.json"))
    pca = np.load(DATA / "v3" / "latents-pca.npz")
    pca = {k: torch.from_numpy(pca[k]) for k in pca.files}
    mean = torch.tensor(stats["latents_mean"])[None, :, None, None]
    std = torch.tensor(stats["latents_std"])[None, :, None, None]
    dit = DiT(); dit.load_state_dict(torch.load(args.dit)["ema"]); dit.eval()
    dec = Decoder(); dec.load_state_dict(torch.load(args.decoder)["decoder"])
    pools = {}
    for kind, share in (("square", 0.75), ("wide", 0.25)):
        d = data[kind]
        count = int(args.frames * share)
        start = min(args.offset if kind == "square" else args.offset // 4, len(d["rgb"]) - count)
        idx = np.arange(start, start + count)
        objs = torch.from_numpy(d["objects"][idx]); sizes = torch.from_numpy(d["size"][idx]).float()
        h, w = d["rgb"].shape[1] // 8, d["rgb"].shape[2] // 8
        lat = torch.cat([sample_latents(dit, objs[i:i + 256], sizes[i:i + 256], (len(objs[i:i + 256]), LATENT, h, w),
                                        20, args.guidance, gen) for i in range(0, count, 256)])
        pools[kind] = (idx, lat * std + mean)
        print(f"sampled {count} {kind} frames in {time.time() - t0:.0f} s", flush=True)
    opt = torch.optim.AdamW(dec.parameters(), lr=args.lr, weight_decay=0.0)
    for step in range(args.steps):
        kind = "wide" if rng.random() < 0.25 else "square"
        d = data[kind]
        idx_pool, lat = pools[kind]
        half = args.batch // 2
        pick = rng.choice(len(idx_pool), half, replace=False)
        other = np.sort(rng.choice(len(d["rgb"]), half, replace=False))
        sel = np.concatenate([idx_pool[pick], other])
        z_enc = pca[kind][other]
        z = torch.cat([lat[pick], z_enc + LATENT_NOISE * torch.randn_like(z_enc)])
        target = targets(d, sel)
        loss, acc = loss_fn(dec, z, target)
        opt.zero_grad(); loss.backward(); opt.step()
        if (step + 1) % 50 == 0:
            print(json.dumps({"step": step + 1, "loss": round(loss.item(), 4), "object_acc": round(acc.item(), 4),
                              "s": round(time.time() - t0)}), flush=True)
    torch.save({"decoder": dec.state_dict(), "step": args.steps, "guidance": args.guidance}, args.out)
    print("saved", args.out, flush=True)


if __name__ == "__main__":
    main()
