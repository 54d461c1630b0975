"""Captions in many phrasings: synonyms, clause orders, joiners, relation inversion."""
import numpy as np

from .vocab import INVERSE_RELATION, SHAPE_SYNONYMS

_SPACE = {"left": "left", "right": "right", "top": "top", "bottom": "bottom"}


def _place_np(rng, place):
    """Noun phrase for a place: 'the left side', 'the top-left corner', 'the center of the screen'."""
    if place == "center":
        base = str(rng.choice(["the center", "the middle", "the centre"]))
    elif place.endswith("edge"):
        base = "the " + place
    elif "-" in place:
        v, h = place.split("-")
        base = "the " + str(rng.choice([f"{v}-{h}", f"{v} {h}"]))
        if rng.random() < 0.5:
            return base + " corner"
    else:
        base = "the " + place + str(rng.choice(["", "", " side"]))
    if rng.random() < 0.25:
        base += " of the screen"
    return base


def _locative(rng, place):
    phrase = _place_np(rng, place)
    if place == "center" or "corner" in phrase or phrase.startswith("the middle"):
        prep = str(rng.choice(["in", "at"]))
    elif place.endswith("edge"):
        prep = str(rng.choice(["at", "on", "near"]))
    else:
        prep = str(rng.choice(["on", "at"])) if place in ("left", "right") else str(rng.choice(["at", "near", "in"]))
    return f"{prep} {phrase}"


def _object_np(rng, obj, article=None):
    article = article or str(rng.choice(["a", "the"]))
    if article == "a" and obj["color"][0] in "aeiou":
        article = "an"
    return f"{article} {obj['color']} {rng.choice(SHAPE_SYNONYMS[obj['shape']])}"


def _motion(rng, np_, clause):
    verb = clause["verb"]
    if verb in ("falls", "rises"):
        ends = ("top", "bottom") if verb == "falls" else ("bottom", "top")
        r = rng.random()
        if r < 0.35:
            return f"{np_} {verb}"
        if r < 0.5:
            return f"{np_} {verb} {'down' if verb == 'falls' else 'up'}"
        if r < 0.7:
            return f"{np_} {verb} from {ends[0]} to {ends[1]}"
        return f"{np_} {verb} from {_place_np(rng, ends[0])} to {_place_np(rng, ends[1])}"
    a, b = clause["from"], clause["to"]
    if rng.random() < 0.15 and a in _SPACE and b in _SPACE:
        return f"{np_} {verb} from {a} to {b}"
    return f"{np_} {verb} from {_place_np(rng, a)} to {_place_np(rng, b)}"


def _clause_text(rng, scene, clause):
    """Returns (text, object indices in mention order)."""
    objs = scene["objects"]
    if clause["kind"] == "relation":
        a, b, rel = clause["obj"], clause["other"], clause["relation"]
        if rng.random() < 0.4:
            a, b, rel = b, a, INVERSE_RELATION[rel]
        verb = str(rng.choice(["is", "sits", "stays", "remains", "is stationary"]))
        return f"{_object_np(rng, objs[a])} {verb} {rel} {_object_np(rng, objs[b])}", [a, b]
    np_ = _object_np(rng, objs[clause["obj"]])
    if clause["kind"] == "motion":
        return _motion(rng, np_, clause), [clause["obj"]]
    return f"{np_} {clause['verb']} {_locative(rng, clause['at'])}", [clause["obj"]]


def _join(rng, first, second):
    pattern = str(rng.choice(["{a}, while {b}", "{a} while {b}", "{a} and {b}", "{a}, and {b}",
                              "{a} as {b}", "{a}, as {b}", "{a} while {b}"]))
    return pattern.format(a=first, b=second)


def caption_scene(scene: dict, seed: int):
    """A random phrasing of the scene. Returns (caption, object indices in mention order)."""
    rng = np.random.default_rng(seed)
    clauses = list(scene["clauses"])
    if len(clauses) == 2 and rng.random() < 0.5:
        clauses.reverse()
    parts = [_clause_text(rng, scene, c) for c in clauses]
    if len(parts) == 1:
        text, order = parts[0]
    else:
        if rng.random() < 0.1:  # "While B, A." keeps the textual mention order
            text = f"while {parts[0][0]}, {parts[1][0]}"
        else:
            text = _join(rng, parts[0][0], parts[1][0])
        order = parts[0][1] + parts[1][1]
    text = text[0].upper() + text[1:] + ("." if rng.random() < 0.7 else "")
    return text, order
