"""What model 3.0 says about itself in model_index.json: description, examples and its closed
vocabulary (the edge's /v1/models and vocabulary gate read them). 2.x's lists plus world v2's words."""
import copy

from shapeworld import vocab
from sktrain import capabilities as v2caps
from v3.nets import MAX_LENGTH

DESCRIPTION = (
    "The embedded shape-world model (world v2): one to six flat-coloured balls, squares and triangles "
    "that move between named places, fall, rise, stay put, stand above, below, beside or between each "
    "other, circle the center or go back and forth; groups of two to five in a row, a column or a circle, "
    "standing or moving as one. 64x64, 128x128, 256x256 or 256x144; 8 to 32 frames at 8 fps; a different "
    "seed gives a different layout. It draws only the words it was trained on."
)

CASES = {
    "case-1": "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains "
              "stationary on the right.",
    "case-2": "Three red balls in a row slide from the top to the bottom.",
    "case-3": "A white ball stands in the middle of a circle of five yellow dots.",
}
EXAMPLES = list(CASES.values()) + [
    "A row of four green squares along the bottom, while a purple triangle circles around the center.",
    "A red ball sits between a blue square and a green triangle.",
    "An orange box moves back and forth between the left and the right.",
]

PLURAL_SHAPES = ["balls", "circles", "spheres", "dots", "squares", "boxes", "cubes", "blocks", "triangles"]
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
PLURAL_VERBS = ["move", "roll", "slide", "glide", "travel", "drift", "fall", "rise", "stay", "remain", "sit",
                "sit still", "are stationary", "stand"]
PATH_VERBS = ["circles", "orbits", "stands"]


def vocabulary(max_tokens=MAX_LENGTH, tokenizer_words=None):
    v = copy.deepcopy(v2caps.VOCABULARY)
    v["max_objects"] = 6
    v["max_things"] = 4  # the text encoder's object slots: a fifth separately named thing would be dropped
    v["max_tokens"] = max_tokens
    roles = v["roles"]
    roles["shapes"] = roles["shapes"] + PLURAL_SHAPES
    roles["verbs"] = roles["verbs"] + PATH_VERBS + PLURAL_VERBS
    roles["relations"] = roles["relations"] + ["between", "in the middle of", "at the center of"]
    roles["counts"] = list(COUNTS)
    roles["formations"] = ["row", "column", "circle"]
    v["count_values"] = dict(COUNTS)
    for known in ("stands",):
        v["synonyms"].pop(known, None)
    function_words = v["function_words"] + ["along", "around", "starting", "back", "forth", "are", "frame", "canvas",
                                            "scene", "picture", "image", "still"]
    v["function_words"] = sorted(set(function_words) - set(_role_tokens(roles)), key=function_words.index)
    return v


def _role_tokens(roles):
    tokens = set()
    for group in roles.values():
        for phrase in group:
            tokens.update(phrase.replace("-", " - ").split())
    return tokens


def check_vocabulary(tokenizer_words):
    """Roles + function words are exactly the tokenizer's words."""
    v = vocabulary()
    assert set(v["roles"]["colors"]) == set(vocab.COLOR_NAMES)
    tokens = _role_tokens(v["roles"]) | set(v["function_words"])
    words = set(tokenizer_words) - {"<pad>", "<unk>"}
    assert tokens == words, (sorted(tokens - words), sorted(words - tokens))
