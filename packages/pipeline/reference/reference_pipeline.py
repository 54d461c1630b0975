"""The PyTorch reference of the runner's pipeline (packages/pipeline/src/pipeline.ts), written from the
math, not from the TypeScript: tokenize, encode, flow sigmas with shift, seeded latents, classifier-free
guidance, Euler or UniPC (bh2, order 2, lower-order final — as diffusers' UniPCMultistepScheduler with
use_flow_sigmas), de-normalise, decode, quantise to RGB24.

Scalars (sigmas' log-SNRs, UniPC coefficients) are float64; tensors are float32.
"""
import math
import re
import time

import numpy as np
import torch

from seeded_noise import LAYOUT_NOISE_STREAM, seeded_normal

_WORD = re.compile(r"\w+|[^\w\s]+")  # the `Whitespace` pre-tokenizer


def tokenize(vocab, text, max_length, pad_id=0, unk_id=1):
    ids = [vocab.get(w, unk_id) for w in _WORD.findall(text.lower())][:max_length]
    mask = [1] * len(ids) + [0] * (max_length - len(ids))
    return ids + [pad_id] * (max_length - len(ids)), mask


def flow_sigmas(steps, shift, num_train_timesteps):
    """[steps + 1] float32 sigmas: linspace(1, 1/N, steps + 1)[:-1] shifted by s·σ/(1+(s−1)σ), then 0."""
    s = np.linspace(1.0, 1.0 / num_train_timesteps, steps + 1)[:-1]
    s = shift * s / (1 + (shift - 1) * s)
    return np.append(s, 0.0).astype(np.float32)


def _lam(sigma):
    """log-SNR of the flow path: log(alpha) - log(sigma), alpha = 1 - sigma."""
    sigma = float(sigma)
    if sigma <= 0:
        return math.inf
    if sigma >= 1:
        return -math.inf
    return math.log(1 - sigma) - math.log(sigma)


class Euler:
    def __init__(self, steps, shift, num_train_timesteps=1000):
        self.sigmas = flow_sigmas(steps, shift, num_train_timesteps)

    def step(self, v, i, x):
        return x + (float(self.sigmas[i + 1]) - float(self.sigmas[i])) * v


class UniPC:
    """UniPC multistep, flow prediction converted to x0 predictions (predict_x0), B(h) = expm1(-h) (bh2)."""

    def __init__(self, steps, shift, num_train_timesteps=1000, order=2, lower_order_final=True):
        sigmas = flow_sigmas(steps, shift, num_train_timesteps).astype(np.float64)
        if abs(sigmas[0] - 1) < 1e-6:
            sigmas[0] -= 1e-6  # keeps log(alpha) finite at the first step
        self.sigmas = sigmas.astype(np.float32)
        self.steps, self.order, self.lower_order_final = steps, order, lower_order_final
        self.outputs, self.last_sample, self.lower, self.this_order = [], None, 0, 1

    def _coefficients(self, h, rks, order):
        hh = -h
        h_phi_1 = math.expm1(hh)
        h_phi_k = h_phi_1 / hh - 1
        b_h = math.expm1(hh)
        factorial, R, b = 1, [], []
        for i in range(1, order + 1):
            R.append([r ** (i - 1) for r in rks])
            b.append(h_phi_k * factorial / b_h)
            factorial *= i + 1
            h_phi_k = h_phi_k / hh - 1 / factorial
        return h_phi_1, b_h, np.array(R), np.array(b)

    def _history(self, s0_index, h, lam_s0, order):
        rks, d1s = [], []
        m0 = self.outputs[-1]
        for i in range(1, order):
            rk = (_lam(self.sigmas[s0_index - i]) - lam_s0) / h
            rks.append(rk)
            d1s.append((self.outputs[-(i + 1)] - m0) / rk)
        return rks + [1.0], d1s

    def _predict(self, x, i, order):
        s0, t = float(self.sigmas[i]), float(self.sigmas[i + 1])
        lam_s0, alpha_t = _lam(s0), 1 - t
        h = _lam(t) - lam_s0
        rks, d1s = self._history(i, h, lam_s0, order)
        h_phi_1, b_h, _, _ = self._coefficients(h, rks, order)
        m0 = self.outputs[-1]
        x_t = (t / s0) * x - (alpha_t * h_phi_1) * m0
        if d1s:  # order 2 uses rho = 0.5
            x_t = x_t - (alpha_t * b_h * 0.5) * d1s[0]
        return x_t

    def _correct(self, model_t, i, order):
        """Corrects the sample at sigma[i] with the fresh x0 prediction `model_t`."""
        x = self.last_sample
        s0, t = float(self.sigmas[i - 1]), float(self.sigmas[i])
        lam_s0, alpha_t = _lam(s0), 1 - t
        h = _lam(t) - lam_s0
        rks, d1s = self._history(i - 1, h, lam_s0, order)
        h_phi_1, b_h, R, b = self._coefficients(h, rks, order)
        rhos = [0.5] if order == 1 else list(np.linalg.solve(R, b))
        m0 = self.outputs[-1]
        x_t = (t / s0) * x - (alpha_t * h_phi_1) * m0
        residual = (alpha_t * b_h * rhos[-1]) * (model_t - m0)
        for rho, d1 in zip(rhos[:-1], d1s):
            residual = residual + (alpha_t * b_h * rho) * d1
        return x_t - residual

    def step(self, v, i, x):
        x0 = x - float(self.sigmas[i]) * v
        if i > 0 and self.last_sample is not None:
            x = self._correct(x0, i, self.this_order)
        self.outputs = (self.outputs + [x0])[-self.order :]
        order = min(self.order, self.steps - i) if self.lower_order_final else self.order
        self.this_order = min(order, self.lower + 1)
        self.last_sample = x
        out = self._predict(x, i, self.this_order)
        self.lower = min(self.lower + 1, self.order)
        return out


def make_scheduler(name, steps, shift, num_train_timesteps=1000):
    return (UniPC if name == "unipc" else Euler)(steps, shift, num_train_timesteps)


def latent_grid(config, width, height):
    """[h, w]: "compress" divides by spatial_compression; "grid" gives the shorter side grid_short_side cells and
    the longer side round(grid_short_side * long / short), halves rounded up."""
    if config.get("spatial_rule", "compress") != "grid":
        sc = config["spatial_compression"]
        return height // sc, width // sc
    g, short = config["grid_short_side"], min(width, height)
    cells = lambda side: g if side == short else math.floor(g * side / short + 0.5)
    return cells(height), cells(width)


@torch.no_grad()
def run(modules, vocab, config, params, on_step=None, timings=None):
    """Runs the pipeline; returns dict of intermediate tensors. `params` as in the runner's request.
    `timings`, when given, receives seconds per stage (encode_prompt, denoise, decode)."""
    text_encoder, transformer, decoder = modules[:3]
    conditioner = modules[3] if len(modules) > 3 else None
    timings = {} if timings is None else timings
    start = time.perf_counter()
    L = config["max_length"]
    cond_ids, cond_mask = tokenize(vocab, params["prompt"], L)
    uncond_ids, uncond_mask = tokenize(vocab, params["negative_prompt"], L)
    ids = torch.tensor([cond_ids, uncond_ids], dtype=torch.int64)
    mask = torch.tensor([cond_mask, uncond_mask], dtype=torch.int64)
    embeddings = text_encoder(ids, mask)
    timings["encode_prompt"] = time.perf_counter() - start

    scheduler = make_scheduler(params["scheduler"], params["steps"], config["flow_shift"], config["num_train_timesteps"])
    c, tc = config["channels"], config["temporal_compression"]
    latent_frames = (params["frames"] - 1) // tc + 1 if config.get("temporal_rule") == "causal" else params["frames"] // tc
    shape = (1, c, latent_frames, *latent_grid(config, params["width"], params["height"]))
    noise = torch.from_numpy(seeded_normal(params["seed"], shape))
    x, latents = noise.clone(), []
    g = params["guidance"]
    # layout_noise [1, K]: the seed's stream 1, the same for every step and both halves of the CFG batch
    k = config.get("layout_noise_dim")
    layout = torch.from_numpy(seeded_normal(params["seed"], (1, k), LAYOUT_NOISE_STREAM)) if k else None
    extra = lambda batch: () if layout is None else (layout.expand(batch, k),)
    context = embeddings if g > 1 else embeddings[:1]
    if conditioner is not None:  # once per request; layout_noise goes to it, not to the transformer
        n = context.shape[0]
        context = conditioner(context, noise.expand(n, *shape[1:]), *extra(n))
        extra = lambda batch: ()
    start = time.perf_counter()
    for i in range(params["steps"]):
        sigma = float(scheduler.sigmas[i])
        timestep = np.float32(sigma * config["num_train_timesteps"])
        if config.get("timestep_dtype") == "int64":  # as diffusers' integer timesteps: truncated
            t = torch.full((2 if g > 1 else 1,), int(timestep), dtype=torch.int64)
        else:
            t = torch.full((2 if g > 1 else 1,), timestep)
        if g > 1:
            v_cond, v_uncond = transformer(torch.cat([x, x]), t, context, *extra(2)).chunk(2)
            v = v_uncond + g * (v_cond - v_uncond)
        else:
            v = transformer(x, t, context, *extra(1))
        x = scheduler.step(v, i, x)
        latents.append(x.clone())
        if on_step:
            on_step(i)
    timings["denoise"] = time.perf_counter() - start
    start = time.perf_counter()
    mean = torch.tensor(config["latents_mean"], dtype=torch.float32).reshape(1, c, 1, 1, 1)
    std = torch.tensor(config["latents_std"], dtype=torch.float32).reshape(1, c, 1, 1, 1)
    size = (torch.tensor([params["height"], params["width"]], dtype=torch.int64),) if config.get("output_size") else ()
    decoded = decoder(x * std + mean, *size)
    timings["decode"] = time.perf_counter() - start
    rgb = torch.round(((decoded[0] + 1) / 2).clamp(0, 1) * 255).to(torch.uint8)  # [3, F, H, W]
    return {
        **({} if layout is None else {"layout_noise": layout}),
        **({} if conditioner is None else {"conditioning": context}),
        "input_ids": ids,
        "embeddings": embeddings,
        "noise": noise,
        "sigmas": scheduler.sigmas,
        "latents": latents,
        "decoded": decoded,
        "frames": rgb.permute(1, 2, 3, 0).contiguous(),  # [F, H, W, 3] = RGB24 frames
    }
