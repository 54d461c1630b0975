"""The DiT's conditioning in training: encoded captions and the scenes' actual paths (grounding)."""
import torch

from nets.dit import GROUND_SLOTS

from . import tokenizer


def true_layout(scenes, orders, n=GROUND_SLOTS):
    """The scenes' actual paths in mention order: paths [B, n, 4], presence [B, n]."""
    paths, presence = torch.zeros(len(scenes), n, 4), torch.zeros(len(scenes), n)
    for b, (scene, order) in enumerate(zip(scenes, orders)):
        for slot, i in enumerate(order[:n]):
            o = scene["objects"][i]
            paths[b, slot] = torch.tensor(o["start"] + o["end"])
            presence[b, slot] = 1.0
    return paths, presence


def encode_captions(text_encoder, vocab, captions):
    ids, mask = zip(*[tokenizer.encode(vocab, c) for c in captions])
    with torch.no_grad():
        return text_encoder(torch.tensor(ids), torch.tensor(mask))
