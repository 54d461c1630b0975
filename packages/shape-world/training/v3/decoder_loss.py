"""The decoder's training loss, shared by `train_decoder` and `finetune_decoder`: cross-entropy against
the palette coverage targets, object pixels weighted 9x, trained on latents with small noise added
(`LATENT_NOISE`) so the decoder tolerates the DiT's imperfect samples."""
OBJECT_WEIGHT = 9.0
LATENT_NOISE = 0.1


def loss_fn(dec, z, target):
    """-> (weighted cross-entropy, pixel accuracy on object pixels)."""
    logits = dec.logits(z)
    logp = logits.log_softmax(1)
    weight = 1 + (OBJECT_WEIGHT - 1) * (1 - target[:, 0])
    ce = -(target * logp).sum(1)
    acc = (logits.argmax(1) == target.argmax(1)).float()
    obj = target[:, 0] < 0.5
    return (ce * weight).mean(), acc[obj].mean()
