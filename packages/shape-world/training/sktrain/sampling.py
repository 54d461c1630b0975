"""Flow-matching samplers mirroring the runner: sigma schedule with flow shift, Euler, UniPC (bh2).

Follows diffusers' UniPCMultistepScheduler with prediction_type="flow_prediction",
use_flow_sigmas=True, predict_x0=True, final_sigmas_type="zero".
"""
import math

import numpy as np


def flow_sigmas(steps, shift=3.0, num_train_timesteps=1000):
    """Returns (sigmas [steps + 1] ending in 0, timesteps [steps] = sigma * 1000)."""
    s = 1.0 - np.linspace(1, 1 / num_train_timesteps, steps + 1)
    s = np.flip(shift * s / (1 + (shift - 1) * s))[:-1].copy()
    return np.append(s, 0.0), s * num_train_timesteps


def euler(model_fn, x, steps=20, shift=3.0):
    sigmas, timesteps = flow_sigmas(steps, shift)
    for i, t in enumerate(timesteps):
        x = x + (sigmas[i + 1] - sigmas[i]) * model_fn(x, t)
    return x


def _lam(sigma):
    return math.log(1 - sigma) - math.log(sigma) if sigma > 0 else math.inf


class UniPC:
    """Order-2 UniPC (bh2) predictor-corrector on x0 predictions, as in diffusers."""

    def __init__(self, steps, shift=3.0, order=2):
        self.sigmas, self.timesteps = flow_sigmas(steps, shift)
        self.order, self.outputs, self.last_sample, self.lower, self.this_order = order, [], None, 0, 1

    def _coeffs(self, h, rks, order):
        hh = -h
        h_phi_1 = math.expm1(hh)
        h_phi_k, fact, b_h = h_phi_1 / hh - 1, 1, math.expm1(hh)
        R, b = [], []
        for i in range(1, order + 1):
            R.append([r ** (i - 1) for r in rks]); b.append(h_phi_k * fact / b_h)
            fact *= i + 1
            h_phi_k = h_phi_k / hh - 1 / fact
        return h_phi_1, b_h, np.array(R), np.array(b)

    def _update(self, x, m0, prev_outputs, s0_index, t_sigma, order, model_t=None):
        s0 = self.sigmas[s0_index]
        alpha_t, lam_t, lam_0 = 1 - t_sigma, _lam(t_sigma), _lam(s0)
        h = lam_t - lam_0
        rks, d1s = [], []
        for i in range(1, order):
            mi, si = prev_outputs[-(i + 1)], s0_index - i
            rk = (_lam(self.sigmas[si]) - lam_0) / h
            rks.append(rk); d1s.append((mi - m0) / rk)
        rks.append(1.0)
        h_phi_1, b_h, R, b = self._coeffs(h, rks, order)
        x_t = t_sigma / s0 * x - alpha_t * h_phi_1 * m0
        if model_t is None:  # predictor
            rhos = [0.5] if order == 2 else (np.linalg.solve(R[:-1, :-1], b[:-1]) if order > 2 else [])
            res = sum(r * d for r, d in zip(rhos, d1s)) if d1s else 0.0
            return x_t - alpha_t * b_h * res
        rhos = [0.5] if order == 1 else np.linalg.solve(R, b)
        res = sum(r * d for r, d in zip(rhos[:-1], d1s)) if d1s else 0.0
        return x_t - alpha_t * b_h * (res + rhos[-1] * (model_t - m0))

    def step(self, v, i, x):
        """v: model velocity at step i for sample x; returns the sample for step i + 1."""
        x0 = x - self.sigmas[i] * v
        if i > 0 and self.last_sample is not None:  # corrector with the new x0
            x = self._update(self.last_sample, self.outputs[-1], self.outputs, i - 1, self.sigmas[i],
                             self.this_order, model_t=x0)
        self.outputs = (self.outputs + [x0])[-self.order:]
        order = min(self.order, len(self.timesteps) - i)
        self.this_order = min(order, self.lower + 1)
        self.last_sample = x
        out = self._update(x, x0, self.outputs, i, self.sigmas[i + 1], self.this_order)
        self.lower = min(self.lower + 1, self.order)
        return out


def unipc(model_fn, x, steps=20, shift=3.0):
    solver = UniPC(steps, shift)
    for i, t in enumerate(solver.timesteps):
        x = solver.step(model_fn(x, t), i, x)
    return x
