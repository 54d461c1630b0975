"""The colour reader (shapeworld/reader.py): every blob that could be an object, at any width x height,
and SceneRead's objects and positions for a scene."""
import numpy as np
import pytest

from shapeworld.reader import MIN_BLOB_FRACTION, SceneRead, expected_area, read_frame
from shapeworld.render import render_objects


def draw(objects, width, height):
    """objects: (colour, shape, size, (x, y)) -> one frame."""
    objs = [{"color": c, "shape": s, "size": size} for c, s, size, _ in objects]
    return render_objects(objs, [[p] for *_, p in objects], width, height)[0]


@pytest.mark.parametrize("width, height", [(64, 64), (128, 128), (256, 144), (256, 256)])
@pytest.mark.parametrize("shape", ["ball", "square", "triangle"])
def test_a_drawn_object_reads_back_with_its_shape_place_and_expected_area(shape, width, height):
    for size in (0.2, 1 / 7):
        [b] = read_frame(draw([("white", shape, size, (0.3, 0.6))], width, height))["blobs"]["white"]
        assert b["shape"] == shape
        assert abs(b["x"] - 0.3) < 0.02 and abs(b["y"] - 0.6) < 0.03
        # edge pixels mixed with the background go either way: >= 0.78x at 64x64, more on larger canvases
        assert 0.75 < b["area"] / expected_area(shape, size, min(width, height)) < 1.05


def test_every_blob_of_a_colour_is_kept_largest_first():
    frame = draw([("red", "square", 0.1, (0.25, 0.25)), ("red", "square", 0.2, (0.7, 0.7))], 64, 64)
    blobs = read_frame(frame)["blobs"]["red"]
    assert [(round(b["x"], 2), round(b["y"], 2)) for b in blobs] == [(0.7, 0.7), (0.25, 0.25)]


def test_blobs_below_the_smallest_object_of_any_scene_and_far_colours_are_ignored():
    frame = np.full((64, 64, 3), 128, np.uint8)  # grey: > 60 from every palette colour
    floor = int(np.ceil(MIN_BLOB_FRACTION * 64 * 64))  # 19 px
    frame[10, : floor - 1] = (220, 40, 40)
    assert read_frame(frame) == {"width": 64, "height": 64, "blobs": {}}
    frame[10, floor - 1] = (220, 40, 40)
    assert read_frame(frame)["blobs"]["red"][0]["area"] == floor


def test_scene_read_tracks_a_group_by_its_mean_and_a_single_by_its_largest_object():
    frame = draw([("blue", "ball", 1 / 7, (0.3, 0.3)), ("blue", "ball", 1 / 7, (0.5, 0.5)),
                  ("blue", "ball", 1 / 7, (0.7, 0.4)), ("red", "ball", 1 / 7, (0.8, 0.8)),
                  ("red", "ball", 0.11, (0.2, 0.8))], 256, 144)
    sr = SceneRead([read_frame(frame)], [{"color": "blue", "shape": "ball", "count": 3},
                                         {"color": "red", "shape": "ball"}])
    assert [round(v, 2) for v in sr.position(0, "blue")] == [0.5, 0.4]
    assert len(sr.members(0, "red")) == 2 and [round(v, 2) for v in sr.position(0, "red")] == [0.8, 0.8]
    assert [round(v, 4) for v in sr.units(0, (0.5, 0.5))] == [0.8889, 0.5]  # x stretches by 256/144


def test_a_group_with_a_member_under_40_percent_of_the_expected_area_has_no_position():
    frame = draw([("blue", "ball", 1 / 7, (0.3, 0.3)), ("blue", "ball", 1 / 7, (0.5, 0.5)),
                  ("blue", "ball", 0.08, (0.7, 0.4))], 256, 144)
    read = read_frame(frame)
    sr = SceneRead([read], [{"color": "blue", "shape": "ball", "count": 3}])
    assert len(read["blobs"]["blue"]) == 3 and len(sr.members(0, "blue")) == 2
    assert sr.position(0, "blue") is None
