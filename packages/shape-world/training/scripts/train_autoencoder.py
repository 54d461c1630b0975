"""Train the per-frame autoencoder on rendered frames (random layouts + clip frames).

usage: train_autoencoder.py [--steps N] [--out runs/autoencoder.pt]
       train_autoencoder.py --decoder-only --init runs/autoencoder.pt --out runs/autoencoder_ft.pt
(--decoder-only keeps the encoder, hence the latent space, fixed while the decoder keeps learning)
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

import torch

from nets.autoencoder import Decoder, Encoder
from sktrain.frames import OBJECT_WEIGHT, decoder_loss, load_bank, to_input
from sktrain.paths import RUNS

LATENT_NOISE = 0.1


def ae_loss(enc, dec, batch, noise=LATENT_NOISE, edge_weight=0.0, object_weight=OBJECT_WEIGHT):
    z = enc(to_input(batch))
    loss, hit = decoder_loss(dec, z + noise * torch.randn_like(z), batch, edge_weight, object_weight)
    return loss + 1e-3 * (z ** 2).mean(), hit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--out", default=str(RUNS / "autoencoder.pt"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decoder-only", action="store_true")
    ap.add_argument("--init")
    ap.add_argument("--edge-weight", type=float, default=0.0)
    ap.add_argument("--object-weight", type=float, default=OBJECT_WEIGHT)
    ap.add_argument("--latent-noise", type=float, default=LATENT_NOISE,
                    help="Gaussian noise on the latents in training: robustness to the DiT's imperfect latents")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    t0 = time.time()
    bank = load_bank(12000, args.seed)
    print(f"bank {len(bank)} frames, {time.time() - t0:.0f}s", flush=True)
    enc, dec = Encoder(), Decoder()
    if args.init:
        ck = torch.load(args.init)
        enc.load_state_dict(ck["encoder"]); dec.load_state_dict(ck["decoder"])
    if args.decoder_only:
        enc.requires_grad_(False)
    params = list(dec.parameters()) + ([] if args.decoder_only else list(enc.parameters()))
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.lr, total_steps=args.steps, pct_start=0.05)
    gen = torch.Generator().manual_seed(args.seed)
    log = []
    for step in range(1, args.steps + 1):
        batch = bank[torch.randint(0, len(bank), (args.batch,), generator=gen)]
        loss, hit = ae_loss(enc, dec, batch, noise=args.latent_noise, edge_weight=args.edge_weight,
                            object_weight=args.object_weight)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if step % 100 == 0 or step == args.steps:
            log.append({"step": step, "loss": loss.item(), "object_pixel_acc": hit.item(), "s": time.time() - t0})
            print(json.dumps(log[-1]), flush=True)
        if step % 50 == 0 or step == args.steps:
            torch.save({"encoder": enc.state_dict(), "decoder": dec.state_dict(), "log": log, "step": step},
                       args.out + ".tmp")
            os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
