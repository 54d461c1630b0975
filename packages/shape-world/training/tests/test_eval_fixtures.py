"""The committed evaluator fixtures (src/fixtures/python-v2-*.json.gz, scripts/make_eval_fixtures.py)
are what this reader reads and these rules judge: the TypeScript twin is tested against them, so a
change here must regenerate them (`/usr/bin/python3 scripts/make_eval_fixtures.py` from training/)."""
import base64
import gzip
import json

import numpy as np
import pytest

from scripts.make_eval_fixtures import FRAMES_FIXTURE, VERDICTS_FIXTURE, json_reads, v1_cases
from shapeworld.reader import read_video
from shapeworld.rules import check_entry

STALE = "is stale: regenerate it with `/usr/bin/python3 scripts/make_eval_fixtures.py` from training/"


def load(path):
    with gzip.open(path, "rt") as f:
        return json.load(f)


def test_the_frames_fixture_holds_this_reader_s_read_back():
    for clip in load(FRAMES_FIXTURE):
        frames = np.stack([np.frombuffer(base64.b64decode(b), np.uint8).reshape(clip["height"], clip["width"], 3)
                           for b in clip["frames"]])
        assert json_reads(read_video(frames)) == clip["reads"], f"{FRAMES_FIXTURE.name} {STALE}"


@pytest.fixture(scope="module")
def verdicts():
    return load(VERDICTS_FIXTURE)


def test_the_verdicts_fixture_holds_these_rules_verdicts(verdicts):
    for case in verdicts["cases"]:
        assert check_entry(case["reads"], case) == case["verdicts"], f"{case['name']}: {VERDICTS_FIXTURE.name} {STALE}"
    assert verdicts["v1"] == v1_cases(), f"{VERDICTS_FIXTURE.name} {STALE}"


def test_the_verdicts_fixture_covers_every_clause_kind_passing_and_failing(verdicts):
    outcomes = {(c["kind"], ok) for case in verdicts["cases"] + verdicts["v1"]
                for c, ok in zip(case["clauses"], case["verdicts"])}
    kinds = ["presence", "shape", "motion", "stationary", "relation", "formation", "between", "orbit", "back_and_forth"]
    assert {(k, ok) for k in kinds for ok in (True, False)} <= outcomes
