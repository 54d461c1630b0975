"""Word-level tokenizer: builds a Hugging Face `tokenizers` JSON and mirrors its encoding in Python."""
import json
import re

MAX_LENGTH = 32
SPECIALS = ["<pad>", "<unk>"]
_WORD = re.compile(r"\w+|[^\w\s]+")  # the `Whitespace` pre-tokenizer's pattern


def split_words(text):
    return _WORD.findall(text.lower())


def build_vocab(texts):
    words = sorted({w for t in texts for w in split_words(t)})
    return {w: i for i, w in enumerate(SPECIALS + words)}


def encode(vocab, text, max_length=MAX_LENGTH):
    """Returns (input_ids, attention_mask), right-padded with <pad> to max_length."""
    ids = [vocab.get(w, 1) for w in split_words(text)][:max_length]
    mask = [1] * len(ids) + [0] * (max_length - len(ids))
    return ids + [0] * (max_length - len(ids)), mask


def tokenizer_json(vocab, max_length=MAX_LENGTH):
    special = lambda i, t: {"id": i, "content": t, "single_word": False, "lstrip": False,
                            "rstrip": False, "normalized": False, "special": True}
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": max_length, "strategy": "LongestFirst", "stride": 0},
        "padding": {"strategy": {"Fixed": max_length}, "direction": "Right", "pad_to_multiple_of": None,
                    "pad_id": 0, "pad_type_id": 0, "pad_token": "<pad>"},
        "added_tokens": [special(i, t) for i, t in enumerate(SPECIALS)],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<unk>"},
    }


def save(vocab, directory):
    with open(f"{directory}/tokenizer.json", "w") as f:
        json.dump(tokenizer_json(vocab), f, indent=1)
    with open(f"{directory}/tokenizer_config.json", "w") as f:
        json.dump({"model_max_length": MAX_LENGTH, "pad_token": "<pad>", "unk_token": "<unk>",
                   "padding_side": "right", "tokenizer_class": "PreTrainedTokenizerFast"}, f, indent=1)
