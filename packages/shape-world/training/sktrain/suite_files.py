"""The suite files, owned by the shape-world package (`../suites/`, exported to TypeScript as
`@sketchreel/shape-world/suites/*`); their contents come from shapeworld/suites.py."""
import json

from .paths import SUITES

TEST_SUITE = SUITES / "v1-test.json"  # the reported 48-prompt suite (scripts/make_suite.py)
DEV_SUITE = SUITES / "v1-dev.json"  # 96 generated captions, where settings are chosen (scripts/make_dev_suite.py)


def read_suite(path):
    with open(path) as f:
        return json.load(f)


def write_suite(entries, path):
    """In Biome's JSON format (2-space indent, final newline): the repo's formatter keeps the file
    exactly as the script writes it, so a regenerated suite compares byte for byte."""
    with open(path, "w") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")
