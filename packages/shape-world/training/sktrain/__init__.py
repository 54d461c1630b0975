"""Library code shared by the training scripts: thread settings (`runtime`, import first), paths,
tokenizer, samplers, checkpoint loading, caption corpus, decoder data and loss, DiT conditioning."""
