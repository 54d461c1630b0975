"""The committed world-v2 twin fixtures (the shape-world package's src/fixtures/) are what the scripts
make: python-layout-v2.json.gz (scripts/make_layout_fixture.py: world2's layouts, gaps and choices,
which src/layout.test.ts holds the TypeScript layout to) and python-captions-v2.json.gz
(scripts/make_captions_fixture.py: captions2's captions and world2.spec_of's specs, which
src/parse-prompt-captions.test.ts holds the TypeScript parser to)."""
import gzip

import pytest

from scripts import make_captions_fixture, make_layout_fixture
from scripts.make_layout_fixture import fixture_bytes

FIXTURES = {
    "python-layout-v2": (make_layout_fixture.FIXTURE, make_layout_fixture.layout_cases, "make_layout_fixture"),
    "python-captions-v2": (make_captions_fixture.FIXTURE, make_captions_fixture.caption_pairs, "make_captions_fixture"),
}


@pytest.mark.parametrize("name", FIXTURES)
def test_the_committed_fixture_is_current(name):
    path, make, script = FIXTURES[name]
    assert gzip.decompress(path.read_bytes()) == fixture_bytes(make()), (
        f"{path} is stale: regenerate it with `/usr/bin/python3 scripts/{script}.py` from training/")
