"""World v2 rules (shapeworld/rules.py) on frames rendered and read back: every ground-truth scene of
tests/v2_scenes.py passes every clause at every format; each wrong variant fails exactly the clauses
it breaks; and the rules' thresholds (WORLD-V2.md's table) hold at their edges on synthetic reads."""
import math

import pytest
from v2_scenes import SCENES, SIZES, VARIANTS, build, clause_name, render

from shapeworld.reader import read_video
from shapeworld.rules import explain_clause, explain_entry


def failing(scene=None, width=64, height=64, frames=16, variant=None):
    spec, drawn, expected = build(scene, width, height, frames, variant)
    results = explain_entry(read_video(render(drawn, width, height)), spec)
    return sorted(clause_name(c) for c, (ok, _) in zip(spec["clauses"], results) if not ok), sorted(expected)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", SCENES)
def test_the_ground_truth_passes_every_clause(scene, size):
    got, _ = failing(scene, *size)
    assert got == []


@pytest.mark.parametrize("scene", ["orbit_around_a_square", "back_and_forth", "circle_with_middle", "row_slides_down"])
def test_the_ground_truth_passes_with_8_and_32_frames(scene):
    assert failing(scene, 64, 64, 8)[0] == [] and failing(scene, 64, 64, 32)[0] == []


@pytest.mark.parametrize("size", [(64, 64), (256, 144)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_wrong_variant_fails_exactly_what_it_breaks(variant, size):
    got, expected = failing(None, *size, variant=variant)
    assert got == expected


def test_a_failing_clause_says_what_is_wrong():
    spec, drawn, _ = build(None, variant="missing member")
    reasons = [r for ok, r in explain_entry(read_video(render(drawn, 64, 64)), spec) if not ok]
    assert reasons == ["objects as named in 0/16 frames, needs >= 90 %: yellow: 4 objects instead of 5 in 16/16 frames",
                       "all 5 yellow members read in 0/16 frames, needs >= 90 %", "yellow never read"]


# --- thresholds on synthetic reads (100 x 100 canvas) ----------------------------------------------------

def blob(x, y, shape="ball", area=300):
    return {"x": x, "y": y, "area": area, "fill": 0.8, "shape": shape}


def frame(**blobs):
    return {"width": 100, "height": 100, "blobs": blobs}


SIX = [{"color": "yellow", "shape": "ball", "count": 5}, {"color": "white", "shape": "ball"}]  # ball ~194 px


def members(n, area=190):
    return [blob(0.1 + 0.15 * i, 0.5, area=area) for i in range(n)]


def test_presence_tolerates_one_frame_in_16_and_not_two():
    good = frame(yellow=members(5), white=[blob(0.5, 0.8)])
    stray = frame(yellow=members(5), white=[blob(0.5, 0.8)], green=[blob(0.9, 0.9, "square", 60)])
    clip = lambda bad: [stray] * bad + [good] * (16 - bad)
    assert explain_clause(clip(1), SIX, {"kind": "presence"})[0]
    assert explain_clause(clip(2), SIX, {"kind": "presence"}) == (
        False, "objects as named in 14/16 frames, needs >= 90 %: green: an unnamed object in 2/16 frames")


@pytest.mark.parametrize("area, ok", [(480, True), (500, False), (80, True), (75, False)])
def test_presence_bounds_the_area_to_0_4_to_2_5_times_the_expected(area, ok):
    reads = [frame(yellow=members(5), white=[blob(0.5, 0.8, area=area)])]
    assert explain_clause(reads, SIX, {"kind": "presence"})[0] is ok


def test_shape_votes_over_every_member_and_a_tie_fails():
    group = [{"color": "red", "shape": "ball", "count": 3}]
    clause = {"kind": "shape", "color": "red", "shape": "ball"}
    reads = lambda *shapes: [frame(red=[blob(0.2 + 0.3 * i, 0.5, s, 100) for i, s in enumerate(shapes)])]
    assert explain_clause(reads("ball", "ball", "square"), group, clause)[0]
    assert not explain_clause(reads("ball", "square", "square"), group, clause)[0]
    single = [{"color": "red", "shape": "ball"}]
    tie = [frame(red=[blob(0.5, 0.5, "ball")]), frame(red=[blob(0.5, 0.5, "square")])]
    assert explain_clause(tie, single, clause) == (False, "red reads as no single shape: ball 1, square 1")


def test_motion_needs_progress_that_follows_time():
    objects = [{"color": "red", "shape": "ball"}]
    clause = {"kind": "motion", "color": "red", "from": "left", "to": "right"}
    along = lambda xs: [frame(red=[blob(x, 0.5)]) for x in xs]
    dither = [0.2] + [0.45, 0.425] * 6 + [0.45, 0.8]  # steps back of 0.025 < 0.03, yet no steady progress
    ok, reason = explain_clause(along(dither), objects, clause)
    assert not ok and "Spearman" in reason
    assert explain_clause(along([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]), objects, clause)[0]


@pytest.mark.parametrize("x, y, ok", [(0.28, 0.5, True), (0.22, 0.5, False), (0.5, 0.61, True), (0.5, 0.63, False)])
def test_between_is_20_to_80_percent_along_and_within_0_12_of_the_line(x, y, ok):
    objects = [{"color": c, "shape": "ball"} for c in ("red", "blue", "green")]
    reads = [frame(red=[blob(x, y)], blue=[blob(0.1, 0.5)], green=[blob(0.9, 0.5)])]
    assert explain_clause(reads, objects, {"kind": "between", "color": "red", "a": "blue", "b": "green"})[0] is ok


@pytest.mark.parametrize("total, radius, ok",
                         [(310, 0.3, True), (-310, 0.3, True), (290, 0.3, False), (330, 0.1, False)])
def test_orbit_turns_300_degrees_either_way_at_radius_0_15_to_0_45(total, radius, ok):
    objects = [{"color": "purple", "shape": "triangle"}]
    reads = []
    for f in range(16):
        a = math.radians(total * f / 15 - 90)
        reads.append(frame(purple=[blob(0.5 + radius * math.cos(a), 0.5 + radius * math.sin(a), "triangle", 100)]))
    assert explain_clause(reads, objects, {"kind": "orbit", "color": "purple", "start": "top"})[0] is ok


@pytest.mark.parametrize("visit, ok", [(5, False), (6, True), (9, True), (10, False)])
def test_back_and_forth_reaches_b_between_35_and_65_percent_of_the_clip(visit, ok):
    reads = [frame(orange=[blob(0.8 if f == visit else 0.2, 0.5)]) for f in range(16)]
    clause = {"kind": "back_and_forth", "color": "orange", "a": "left", "b": "right"}
    assert explain_clause(reads, [{"color": "orange", "shape": "ball"}], clause)[0] is ok
