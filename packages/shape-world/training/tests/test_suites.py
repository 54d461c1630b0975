"""The committed suite files (the shape-world package's suites/) are what shapeworld/suites.py makes,
byte for byte as the scripts write them, and every entry passes on its ground-truth scene."""
import pytest

from shapeworld.reader import read_video
from shapeworld.render import render_scene
from shapeworld.rules import check_entry
from shapeworld.suites import v1_dev_suite, v1_test_suite
from sktrain.suite_files import DEV_SUITE, TEST_SUITE, read_suite, write_suite

SUITES = {"v1-test": (TEST_SUITE, v1_test_suite, "make_suite"), "v1-dev": (DEV_SUITE, v1_dev_suite, "make_dev_suite")}


@pytest.mark.parametrize("name", SUITES)
def test_the_committed_file_is_current(name, tmp_path):
    path, make, script = SUITES[name]
    write_suite([entry for entry, _ in make()], tmp_path / path.name)
    assert (tmp_path / path.name).read_bytes() == path.read_bytes(), (
        f"{path} is stale: regenerate it with `/usr/bin/python3 scripts/{script}.py` from training/")


def test_the_reported_suite_has_48_prompts_with_example_1():
    suite = read_suite(TEST_SUITE)
    assert len(suite) == 48 and len({e["id"] for e in suite}) == 48
    assert suite[0]["prompt"] == ("A yellow ball rolls from the left edge to the center of the screen, while a blue "
                                  "cube remains stationary on the right.")


def test_the_dev_suite_has_96_generated_captions():
    assert len(read_suite(DEV_SUITE)) == 96


@pytest.mark.parametrize("name", SUITES)
def test_every_entry_passes_on_its_ground_truth(name):
    _, make, _ = SUITES[name]
    for entry, scene in make():
        results = check_entry(read_video(render_scene(scene)[0]), entry)
        assert all(results), (entry["id"], [c for c, ok in zip(entry["clauses"], results) if not ok])
