"""World v2 ground-truth clips and deliberately wrong variants, for the evaluator's honesty.

Each scene is a spec (WORLD-V2.md's format) and a drawing of it: objects [{color, shape, size}]
with their centres per frame, as shapeworld.render.render_objects takes them. Each variant changes
the drawing (or the spec) in one way and names the clauses that change must fail, as "kind" or
"kind:colour". Geometry is laid out in shorter-side units about the canvas centre, so the same
scene is round on 256x144 too. Used by tests/test_rules_v2.py and scripts/make_eval_fixtures.py.
"""
import copy
import math

SIZES = [(64, 64), (128, 128), (256, 144)]


class Canvas:
    def __init__(self, width, height, frames):
        self.w, self.h, self.frames = width, height, frames
        self.short = min(width, height)

    def at(self, u, v):
        """Normalised point u, v shorter sides right of and below the centre."""
        return (0.5 + u * self.short / self.w, 0.5 + v * self.short / self.h)

    def still(self, p):
        return [p] * self.frames

    def line(self, a, b):
        t = [f / (self.frames - 1) for f in range(self.frames)]
        return [(a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s) for s in t]

    def ring(self, n, radius=0.3, phase=-90.0, shift=None):
        """n points evenly around the centre (degrees; `shift` {index: degrees} moves some along it)."""
        shift = shift or {}
        angles = [math.radians(phase + 360.0 * k / n + shift.get(k, 0.0)) for k in range(n)]
        return [self.at(radius * math.cos(a), radius * math.sin(a)) for a in angles]

    def orbit(self, radius=0.3, degrees=360.0, start=-90.0):
        """One turn of `degrees` over the clip, frame f at start + degrees * f / frames."""
        return [self.at(radius * math.cos(math.radians(start + degrees * f / self.frames)),
                        radius * math.sin(math.radians(start + degrees * f / self.frames)))
                for f in range(self.frames)]


def _obj(color, shape, size, centers):
    return {"color": color, "shape": shape, "size": size, "centers": centers}


def _spec(objects, clauses):
    return {"objects": objects, "clauses": [{"kind": "presence"}] + clauses}


SIX, FEW = 1 / 7, 0.2  # object sizes with 3-6 and 1-2 objects


def circle_with_middle(c):
    """A white ball stands in the middle of a circle of five yellow dots."""
    spec = _spec([{"color": "yellow", "shape": "ball", "count": 5, "formation": "circle"},
                  {"color": "white", "shape": "ball"}],
                 [{"kind": "shape", "color": "yellow", "shape": "ball"},
                  {"kind": "formation", "color": "yellow", "formation": "circle"},
                  {"kind": "stationary", "color": "yellow", "at": "center"},
                  {"kind": "shape", "color": "white", "shape": "ball"},
                  {"kind": "stationary", "color": "white", "at": "center"}])
    drawn = [_obj("yellow", "ball", SIX, c.still(p)) for p in c.ring(5)]
    return spec, drawn + [_obj("white", "ball", SIX, c.still(c.at(0, 0)))]


def row_slides_down(c):
    """Three red balls in a row slide from the top to the bottom."""
    spec = _spec([{"color": "red", "shape": "ball", "count": 3, "formation": "row"}],
                 [{"kind": "shape", "color": "red", "shape": "ball"},
                  {"kind": "formation", "color": "red", "formation": "row"},
                  {"kind": "motion", "color": "red", "from": "top", "to": "bottom"}])
    drawn = []
    for k in range(3):
        x = c.at(0.24 * (k - 1), 0)[0]
        drawn.append(_obj("red", "ball", SIX, c.line((x, 0.22), (x, 0.78))))
    return spec, drawn


def column_on_the_left(c):
    """Three blue dots in a column on the left, while a green square stays on the right."""
    spec = _spec([{"color": "blue", "shape": "ball", "count": 3, "formation": "column"},
                  {"color": "green", "shape": "square"}],
                 [{"kind": "shape", "color": "blue", "shape": "ball"},
                  {"kind": "formation", "color": "blue", "formation": "column"},
                  {"kind": "stationary", "color": "blue", "at": "left"},
                  {"kind": "shape", "color": "green", "shape": "square"},
                  {"kind": "stationary", "color": "green", "at": "right"}])
    drawn = [_obj("blue", "ball", SIX, c.still((0.2, c.at(0, 0.26 * (k - 1))[1]))) for k in range(3)]
    return spec, drawn + [_obj("green", "square", SIX, c.still((0.8, 0.55)))]


def row_along_the_bottom(c):
    """A row of four green squares along the bottom."""
    spec = _spec([{"color": "green", "shape": "square", "count": 4, "formation": "row"}],
                 [{"kind": "shape", "color": "green", "shape": "square"},
                  {"kind": "formation", "color": "green", "formation": "row"},
                  {"kind": "stationary", "color": "green", "at": "bottom"}])
    return spec, [_obj("green", "square", SIX, c.still((c.at(0.2 * (k - 1.5), 0)[0], 0.8))) for k in range(4)]


def between_two(c):
    """A red ball between a blue square and a green triangle."""
    spec = _spec([{"color": "red", "shape": "ball"}, {"color": "blue", "shape": "square"},
                  {"color": "green", "shape": "triangle"}],
                 [{"kind": "shape", "color": "red", "shape": "ball"},
                  {"kind": "shape", "color": "blue", "shape": "square"},
                  {"kind": "shape", "color": "green", "shape": "triangle"},
                  {"kind": "between", "color": "red", "a": "blue", "b": "green"}])
    return spec, [_obj("red", "ball", SIX, c.still(c.at(0, 0))),
                  _obj("blue", "square", SIX, c.still(c.at(-0.3, -0.06))),
                  _obj("green", "triangle", SIX, c.still(c.at(0.3, 0.06)))]


def orbit_around_a_square(c):
    """A purple triangle circles around the center, starting at the top; an orange square stays in the center."""
    spec = _spec([{"color": "purple", "shape": "triangle"}, {"color": "orange", "shape": "square"}],
                 [{"kind": "shape", "color": "purple", "shape": "triangle"},
                  {"kind": "orbit", "color": "purple", "start": "top"},
                  {"kind": "shape", "color": "orange", "shape": "square"},
                  {"kind": "stationary", "color": "orange", "at": "center"}])
    return spec, [_obj("purple", "triangle", FEW, c.orbit()), _obj("orange", "square", FEW, c.still(c.at(0, 0)))]


def back_and_forth(c):
    """An orange ball moves back and forth between the left and the right."""
    spec = _spec([{"color": "orange", "shape": "ball"}],
                 [{"kind": "shape", "color": "orange", "shape": "ball"},
                  {"kind": "back_and_forth", "color": "orange", "a": "left", "b": "right"}])
    last = c.frames - 1
    xs = [0.2 + 0.6 * (1 - abs(2 * f / last - 1)) for f in range(c.frames)]
    return spec, [_obj("orange", "ball", FEW, [(x, 0.5) for x in xs])]


def example_1(c):
    """A yellow ball rolls from the left edge to the center, while a blue cube remains stationary on the right."""
    spec = _spec([{"color": "yellow", "shape": "ball"}, {"color": "blue", "shape": "square"}],
                 [{"kind": "shape", "color": "yellow", "shape": "ball"},
                  {"kind": "motion", "color": "yellow", "from": "left edge", "to": "center"},
                  {"kind": "shape", "color": "blue", "shape": "square"},
                  {"kind": "stationary", "color": "blue", "at": "right"}])
    return spec, [_obj("yellow", "ball", FEW, c.line((0.13, 0.5), (0.5, 0.5))),
                  _obj("blue", "square", FEW, c.still((0.8, 0.5)))]


def two_fall(c):
    """Two white triangles fall (a group without a formation, moving as one)."""
    spec = _spec([{"color": "white", "shape": "triangle", "count": 2}],
                 [{"kind": "shape", "color": "white", "shape": "triangle"},
                  {"kind": "motion", "color": "white", "from": "top", "to": "bottom"}])
    return spec, [_obj("white", "triangle", FEW, c.line((x, 0.22), (x, 0.8))) for x in (0.3, 0.7)]


SCENES = {f.__name__: f for f in [circle_with_middle, row_slides_down, column_on_the_left, row_along_the_bottom,
                                   between_two, orbit_around_a_square, back_and_forth, example_1, two_fall]}


# --- wrong variants: (scene, change(spec, drawn, canvas) -> None, clauses that must fail) ---------------

def _drop(color):
    def change(spec, drawn, c):
        drawn.remove(next(o for o in drawn if o["color"] == color))
    return change


def _add(color, shape, size, where):
    def change(spec, drawn, c):
        drawn.append(_obj(color, shape, size, c.still(where(c))))
    return change


def _resize(color, size):
    def change(spec, drawn, c):
        for o in drawn:
            if o["color"] == color:
                o["size"] = size
    return change


def _judge_as(color, formation):
    def change(spec, drawn, c):
        next(cl for cl in spec["clauses"] if cl["kind"] == "formation")["formation"] = formation
        next(o for o in spec["objects"] if o["color"] == color)["formation"] = formation
    return change


def _redraw(color, path):
    def change(spec, drawn, c):
        next(o for o in drawn if o["color"] == color)["centers"] = path(c)
    return change


def _uneven_circle(spec, drawn, c):
    for o, p in zip(drawn, c.ring(5, shift={0: 30.0})):
        o["centers"] = c.still(p)


def _reverse(color):
    def change(spec, drawn, c):
        for o in drawn:
            if o["color"] == color:
                o["centers"] = o["centers"][::-1]
    return change


def _lagging_member(spec, drawn, c):
    drawn[2]["centers"] = [(x, y + 0.12 * c.short / c.h) for x, y in drawn[2]["centers"]]


def _beyond_an_end(spec, drawn, c):
    """The green end moves next to the blue one, so the red ball lies on the line but past green."""
    _redraw("green", lambda c: c.still(c.at(-0.08, -0.02)))(spec, drawn, c)
    _redraw("red", lambda c: c.still(c.at(0.12, 0)))(spec, drawn, c)


VARIANTS = {
    "missing member": ("circle_with_middle", _drop("yellow"),
                       ["presence", "formation:yellow", "stationary:yellow"]),
    "extra member": ("circle_with_middle", _add("yellow", "ball", SIX, lambda c: c.at(0.42, 0.42)),
                     ["presence", "formation:yellow", "stationary:yellow"]),
    "circle with an uneven gap": ("circle_with_middle", _uneven_circle, ["formation:yellow"]),
    "row judged as a column": ("row_slides_down", _judge_as("red", "column"), ["formation:red"]),
    "column judged as a row": ("column_on_the_left", _judge_as("blue", "row"), ["formation:blue"]),
    "circle judged as a row": ("circle_with_middle", _judge_as("yellow", "row"), ["formation:yellow"]),
    "a member lags behind the row": ("row_slides_down", _lagging_member, ["formation:red"]),
    "reversed group motion": ("row_slides_down", _reverse("red"), ["motion:red"]),
    "reversed motion": ("example_1", _reverse("yellow"), ["motion:yellow"]),
    "duplicated object": ("example_1", _add("blue", "square", 0.18, lambda c: (0.8, 0.17)), ["presence"]),
    "stray unnamed object": ("example_1", _add("green", "square", FEW, lambda c: (0.5, 0.17)), ["presence"]),
    "stray unnamed object in a group scene": ("row_along_the_bottom", _add("red", "ball", SIX, lambda c: (0.5, 0.3)),
                                              ["presence"]),
    "tiny unnamed speck (not an object)": ("example_1", _add("green", "square", 0.06, lambda c: (0.5, 0.17)), []),
    "object too large": ("example_1", _resize("blue", 0.36), ["presence"]),
    "object too small": ("example_1", _resize("blue", 0.1), ["presence", "shape:blue", "stationary:blue"]),
    "group members too large": ("circle_with_middle", _resize("yellow", 0.24), ["presence"]),
    "middle beyond an end": ("between_two", _beyond_an_end, ["between:red"]),
    "middle off the line": ("between_two", _redraw("red", lambda c: c.still(c.at(0.05, -0.2))), ["between:red"]),
    "orbit of 270 degrees": ("orbit_around_a_square", _redraw("purple", lambda c: c.orbit(degrees=270.0)),
                             ["orbit:purple"]),
    "orbit the other way round": ("orbit_around_a_square", _redraw("purple", lambda c: c.orbit(degrees=-360.0)), []),
    "orbit starting at the bottom": ("orbit_around_a_square", _redraw("purple", lambda c: c.orbit(start=90.0)),
                                     ["orbit:purple"]),
    "back and forth that never reaches b": (
        "back_and_forth", _redraw("orange", lambda c: [(0.2 + 0.3 * (1 - abs(2 * f / (c.frames - 1) - 1)), 0.5)
                                                       for f in range(c.frames)]),
        ["back_and_forth:orange"]),
    "one way instead of back and forth": ("back_and_forth", _redraw("orange", lambda c: c.line((0.2, 0.5), (0.8, 0.5))),
                                          ["back_and_forth:orange"]),
}


def build(scene, width=64, height=64, frames=16, variant=None):
    """(spec, drawn objects, names of the clauses that must fail) for a scene or a variant of it."""
    c = Canvas(width, height, frames)
    if variant is None:
        spec, drawn = SCENES[scene](c)
        return spec, drawn, []
    base, change, fails = VARIANTS[variant]
    spec, drawn = copy.deepcopy(SCENES[base](c))
    change(spec, drawn, c)
    return spec, drawn, fails


def render(drawn, width, height):
    """uint8 frames [F, H, W, 3] of drawn objects."""
    from shapeworld.render import render_objects
    objects = [{k: o[k] for k in ("color", "shape", "size")} for o in drawn]
    return render_objects(objects, [o["centers"] for o in drawn], width, height)


def clause_name(clause):
    return clause["kind"] + (f":{clause['color']}" if "color" in clause else "")
