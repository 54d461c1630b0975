"""The shape world's fixed vocabulary: palette, shapes, places and their geometry (DESIGN.md)."""

BACKGROUND = (24, 24, 32)

COLORS = {
    "red": (220, 40, 40),
    "green": (40, 180, 70),
    "blue": (40, 90, 230),
    "yellow": (240, 200, 30),
    "purple": (150, 60, 210),
    "orange": (245, 130, 30),
    "white": (235, 235, 235),
}
COLOR_NAMES = list(COLORS)

# Palette index 0 is the background; 1..7 follow COLOR_NAMES.
PALETTE = [BACKGROUND] + [COLORS[c] for c in COLOR_NAMES]

SHAPES = ["ball", "square", "triangle"]
SHAPE_SYNONYMS = {
    "ball": ["ball", "circle", "sphere", "dot"],
    "square": ["square", "box", "cube", "block"],
    "triangle": ["triangle"],
}

PLACES = [
    "left", "right", "center", "top", "bottom",
    "top-left", "top-right", "bottom-left", "bottom-right",
    "left edge", "right edge", "top edge", "bottom edge",
]

# Region membership on normalised centroids (x right, y down), exactly as DESIGN.md states.
def in_region(place: str, x: float, y: float) -> bool:
    if place == "left":
        return x < 0.4
    if place == "right":
        return x > 0.6
    if place == "top":
        return y < 0.4
    if place == "bottom":
        return y > 0.6
    if place == "center":
        return 0.35 <= x <= 0.65 and 0.35 <= y <= 0.65
    if place == "left edge":
        return x < 0.25
    if place == "right edge":
        return x > 0.75
    if place == "top edge":
        return y < 0.25
    if place == "bottom edge":
        return y > 0.75
    if "-" in place:
        vertical, horizontal = place.split("-")
        return in_region(vertical, x, y) and in_region(horizontal, x, y)
    raise ValueError(f"unknown place {place!r}")


# Where the generator puts an object for a place: anchor (x, y) and jitter per axis.
# A "free" axis (e.g. y for "left") gets a wider jitter; the constrained axis stays well inside.
ANCHORS = {
    "left": ((0.2, 0.5), (0.04, 0.12)),
    "right": ((0.8, 0.5), (0.04, 0.12)),
    "top": ((0.5, 0.2), (0.12, 0.04)),
    "bottom": ((0.5, 0.8), (0.12, 0.04)),
    "center": ((0.5, 0.5), (0.05, 0.05)),
    "top-left": ((0.2, 0.2), (0.04, 0.04)),
    "top-right": ((0.8, 0.2), (0.04, 0.04)),
    "bottom-left": ((0.2, 0.8), (0.04, 0.04)),
    "bottom-right": ((0.8, 0.8), (0.04, 0.04)),
    "left edge": ((0.13, 0.5), (0.02, 0.12)),
    "right edge": ((0.87, 0.5), (0.02, 0.12)),
    "top edge": ((0.5, 0.13), (0.12, 0.02)),
    "bottom edge": ((0.5, 0.87), (0.12, 0.02)),
}

MOTION_VERBS = ["moves", "rolls", "slides", "glides", "travels", "drifts"]
STATIONARY_VERBS = ["stays", "remains", "sits still", "is stationary", "remains stationary", "stays still"]
RELATIONS = ["above", "below", "to the left of", "to the right of"]
INVERSE_RELATION = {
    "above": "below", "below": "above",
    "to the left of": "to the right of", "to the right of": "to the left of",
}
JOINERS = ["while", "and", ", and", "as"]

OBJECT_SIZE = 0.2  # fraction of the canvas side covered by an object's bounding box
