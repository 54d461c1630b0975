"""Captions for world v2 programs (WORLD-V2.md grammar): v1's phrasings plus groups, formations,
between, the middle of a circle, orbits and back-and-forth paths."""
import numpy as np

from .captions import _locative, _object_np, _place_np
from .vocab import MOTION_VERBS, SHAPE_SYNONYMS

COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
PLURALS = {"ball": ["balls", "circles", "spheres", "dots"], "square": ["squares", "boxes", "cubes", "blocks"],
           "triangle": ["triangles"]}
PLURAL_VERBS = {"moves": "move", "rolls": "roll", "slides": "slide", "glides": "glide", "travels": "travel",
                "drifts": "drift"}
SINGLE_STAY = ["stays", "remains", "sits still", "is stationary", "remains stationary", "stays still", "stands"]
GROUP_STAY = ["stay", "remain", "sit still", "are stationary", "stand"]
REL_VERBS = ["is", "sits", "stays", "remains", "stands"]


def _choice(rng, items):
    return str(items[rng.integers(len(items))])


def _group_words(rng, t):
    return f"{COUNT_WORDS[t['count']]} {t['color']} {_choice(rng, PLURALS[t['shape']])}"


def _group_locative(rng, t, place):
    if t["formation"] == "row" and place in ("top", "bottom") and rng.random() < 0.4:
        return f"along the {place}"
    return _locative(rng, place)


def _group_clause(rng, t):
    words = _group_words(rng, t)
    f = t["formation"]
    if f == "circle":
        return _choice(rng, [f"{words} stand in a circle", f"{words} in a circle", f"a circle of {words}",
                             f"{words} {_choice(rng, GROUP_STAY)} in a circle"])
    np_ = f"{words} in a {f}" if f else words
    if t["path"] == "line":
        a, b = t["start"], t["end"]
        if a in ("top", "bottom") and b in ("top", "bottom") and rng.random() < 0.4:
            return f"{np_} {'fall' if a == 'top' else 'rise'}"
        verb = PLURAL_VERBS[_choice(rng, MOTION_VERBS)]
        return f"{np_} {verb} from {_place_np(rng, a)} to {_place_np(rng, b)}"
    loc = _group_locative(rng, t, t["start"])
    if f and rng.random() < 0.35:
        return f"a {f} of {words} {loc}"
    return f"{np_} {_choice(rng, GROUP_STAY)} {loc}"


def _single_clause(rng, t):
    np_ = _object_np(rng, t)
    if t["path"] == "orbit":
        verb = _choice(rng, ["circles around the center", "orbits the center", "circles the center",
                             "circles around the middle", "orbits the center of the screen"])
        if t["start"] != "top" or rng.random() < 0.4:
            return f"{np_} {verb}, starting {_choice(rng, ['at', 'from'])} {_place_np(rng, t['start'])}"
        return f"{np_} {verb}"
    if t["path"] == "back_forth":
        return f"{np_} {_choice(rng, MOTION_VERBS)} back and forth between {_place_np(rng, t['start'])} and {_place_np(rng, t['end'])}"
    if t["path"] == "line":
        a, b = t["start"], t["end"]
        if (a, b) in (("top", "bottom"), ("bottom", "top")) and rng.random() < 0.5:
            verb = "falls" if a == "top" else "rises"
            return _choice(rng, [f"{np_} {verb}", f"{np_} {verb} from {a} to {b}",
                                 f"{np_} {verb} from {_place_np(rng, a)} to {_place_np(rng, b)}"])
        return f"{np_} {_choice(rng, MOTION_VERBS)} from {_place_np(rng, a)} to {_place_np(rng, b)}"
    return f"{np_} {_choice(rng, SINGLE_STAY)} {_locative(rng, t['start'])}"


def _clause(rng, t):
    return _group_clause(rng, t) if t["count"] > 1 else _single_clause(rng, t)


def _join(rng, parts):
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return _choice(rng, ["{0}, while {1}", "{0} while {1}", "{0} and {1}", "{0}, and {1}", "{0} as {1}",
                             "{0}, as {1}"]).format(*parts)
    if len(parts) == 3:
        return _choice(rng, ["{0} while {1}, and {2}", "{0}, {1} and {2}".replace(", {1}", " while {1}"),
                             "{0} and {1} while {2}", "{0}, while {1} and {2}"]).format(*parts)
    return " while ".join([parts[0], " and ".join(parts[1:])])


def caption_program(program, seed):
    """A random phrasing of a program. Returns (caption, thing indices in mention order)."""
    rng = np.random.default_rng(seed)
    things, extra, kind = program["things"], program["extra"], program["kind"]
    if extra == "between":
        verb = _choice(rng, REL_VERBS)
        text = f"{_object_np(rng, things[0])} {verb} between {_object_np(rng, things[1])} and {_object_np(rng, things[2])}"
        order = [0, 1, 2]
    elif extra:
        a, b, rel = 0, 1, extra
        if rng.random() < 0.4:
            a, b = 1, 0
            rel = {"above": "below", "below": "above", "to the left of": "to the right of",
                   "to the right of": "to the left of"}[rel]
        text = f"{_object_np(rng, things[a])} {_choice(rng, REL_VERBS)} {rel} {_object_np(rng, things[b])}"
        order = [a, b]
    elif kind == "circle+middle":
        middle, ring = things
        where = _choice(rng, ["in the middle of", "at the center of"])
        verb = _choice(rng, ["stands", "sits", "stays", "is", "remains"])
        text = f"{_object_np(rng, middle)} {verb} {where} a circle of {_group_words(rng, ring)}"
        order = [0, 1]
    else:
        order = list(range(len(things)))
        if len(order) > 1 and rng.random() < 0.5:
            rng.shuffle(order)
        parts = [_clause(rng, things[i]) for i in order]
        if len(parts) == 2 and rng.random() < 0.08:
            text = f"while {parts[0]}, {parts[1]}"
        else:
            text = _join(rng, parts)
    text = text[0].upper() + text[1:] + ("." if rng.random() < 0.7 else "")
    return text, order
