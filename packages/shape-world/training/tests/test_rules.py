"""The clause rules (shapeworld/rules.py) on frames rendered and read back (render.py, reader.py):
a ground-truth scene passes every clause of its entry; a scene or an entry that gets one thing wrong
fails exactly the clauses that thing breaks."""
import copy

import pytest

from shapeworld.reader import read_video
from shapeworld.render import render_scene
from shapeworld.rules import check_entry, suite_entry
from shapeworld.scene import sample_scene
from shapeworld.suites import v1_test_suite

SUITE = {entry["id"]: (entry, scene) for entry, scene in v1_test_suite()}
EXAMPLE_1 = "sw-01"  # a yellow ball rolls from the left edge to the center; a blue cube stays on the right
ABOVE = "sw-15"  # a red ball is above a blue square


def failing(scene, entry):
    """The entry's clauses that the rendered scene fails, as (kind, colour) pairs."""
    results = check_entry(read_video(render_scene(scene)[0]), entry)
    return [(c["kind"], c.get("color")) for c, ok in zip(entry["clauses"], results) if not ok]


def case(entry_id):
    entry, scene = SUITE[entry_id]
    return copy.deepcopy(entry), copy.deepcopy(scene)


def obj(scene, color):
    return next(o for o in scene["objects"] if o["color"] == color)


def clause(entry, kind, color):
    return next(c for c in entry["clauses"] if c["kind"] == kind and c.get("color") == color)


@pytest.mark.parametrize("seed", range(0, 600, 60))
def test_a_generated_scene_passes_its_own_clauses(seed):
    scene = sample_scene(seed)
    assert failing(scene, suite_entry(scene, "")) == []


def test_the_ground_truth_of_example_1_passes():
    assert failing(*reversed(case(EXAMPLE_1))) == []


def test_a_reversed_path_fails_the_motion():
    entry, scene = case(EXAMPLE_1)
    ball = obj(scene, "yellow")
    ball["start"], ball["end"] = ball["end"], ball["start"]
    assert failing(scene, entry) == [("motion", "yellow")]


def test_a_path_that_ends_in_another_region_fails_the_motion():
    entry, scene = case(EXAMPLE_1)
    clause(entry, "motion", "yellow")["to"] = "right edge"
    assert failing(scene, entry) == [("motion", "yellow")]


def test_an_object_in_the_wrong_region_fails_the_stationary_clause():
    entry, scene = case(EXAMPLE_1)
    clause(entry, "stationary", "blue")["at"] = "top-right"
    assert failing(scene, entry) == [("stationary", "blue")]


def test_a_drifting_object_fails_the_stationary_clause():
    entry, scene = case(EXAMPLE_1)
    obj(scene, "blue")["end"] = [0.8, 0.7]  # still on the right, but 0.2 away from where it started
    assert failing(scene, entry) == [("stationary", "blue")]


@pytest.mark.parametrize("drawn", ["ball", "triangle"])
def test_a_wrong_shape_fails_the_shape_clause(drawn):
    entry, scene = case(EXAMPLE_1)
    obj(scene, "blue")["shape"] = drawn
    assert failing(scene, entry) == [("shape", "blue")]


def test_a_missing_object_fails_presence_and_its_own_clauses():
    entry, scene = case(EXAMPLE_1)
    scene["objects"] = [o for o in scene["objects"] if o["color"] != "blue"]
    assert failing(scene, entry) == [("presence", None), ("shape", "blue"), ("stationary", "blue")]


def test_an_unnamed_object_fails_presence_only():
    entry, scene = case(EXAMPLE_1)
    scene["objects"].append({"color": "red", "shape": "square", "start": [0.5, 0.15], "end": [0.5, 0.15],
                             "size": 0.2})
    assert failing(scene, entry) == [("presence", None)]


def test_the_ground_truth_of_a_relation_passes():
    entry, scene = case(ABOVE)
    assert failing(scene, entry) == []


def test_swapped_places_fail_the_relation():
    entry, scene = case(ABOVE)
    red, blue = obj(scene, "red"), obj(scene, "blue")
    red["start"], blue["start"], red["end"], blue["end"] = blue["start"], red["start"], blue["end"], red["end"]
    assert failing(scene, entry) == [("relation", "red")]


def test_the_opposite_relation_fails():
    entry, scene = case(ABOVE)
    clause(entry, "relation", "red")["relation"] = "below"
    assert failing(scene, entry) == [("relation", "red")]
