"""The caption generator (shapeworld/captions.py) against the scenes it describes.

There is no prompt parser in Python (the TypeScript parser in src/parse-prompt.ts reads these
captions back; src/suite.test.ts checks it on the dev suite), so these tests check what a caption
must contain: every object's colour and a word for its shape, each clause's verb and places."""
import re

from shapeworld.captions import caption_scene
from shapeworld.scene import sample_scene
from shapeworld.vocab import INVERSE_RELATION, SHAPE_SYNONYMS

SCENES = [sample_scene(s) for s in range(400)]


def words(text):
    return re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower())


def test_the_same_seed_gives_the_same_caption():
    for sc in SCENES[:20]:
        assert caption_scene(sc, 5) == caption_scene(sc, 5)


def test_phrasings_vary_with_the_seed():
    sc = SCENES[0]
    assert len({caption_scene(sc, k)[0] for k in range(20)}) > 10


def test_the_mention_order_names_every_object_once():
    for seed, sc in enumerate(SCENES):
        _, order = caption_scene(sc, seed)
        assert sorted(order) == list(range(len(sc["objects"])))


def test_each_object_is_named_by_colour_and_a_shape_word_in_mention_order():
    for seed, sc in enumerate(SCENES):
        text, order = caption_scene(sc, seed)
        w = words(text)
        found = []
        for i in order:
            o = sc["objects"][i]
            at = w.index(o["color"])
            assert w[at + 1] in SHAPE_SYNONYMS[o["shape"]], text
            found.append(at)
        assert found == sorted(found), text


def place_said(place, text):
    if place == "center":
        return any(w in text for w in ("center", "centre", "middle"))
    if "-" in place:
        vertical, horizontal = place.split("-")
        return f"{vertical}-{horizontal}" in text or f"{vertical} {horizontal}" in text
    return place in text


def test_each_clause_is_said_with_its_verb_and_places():
    for seed, sc in enumerate(SCENES):
        text, _ = caption_scene(sc, seed)
        lower = text.lower()
        for c in sc["clauses"]:
            if c["kind"] == "relation":
                assert c["relation"] in lower or INVERSE_RELATION[c["relation"]] in lower, text
                continue
            assert c["verb"] in lower, text
            if c["kind"] == "stationary":
                assert place_said(c["at"], lower), text
            elif c["verb"] not in ("falls", "rises"):  # "falls" alone says top to bottom
                assert place_said(c["from"], lower) and place_said(c["to"], lower), text


def test_captions_start_with_a_capital_and_have_no_double_spaces():
    for seed, sc in enumerate(SCENES):
        text, _ = caption_scene(sc, seed)
        assert text[0].isupper() and "  " not in text, text
