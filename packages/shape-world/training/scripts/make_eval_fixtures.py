"""Write the world-v2 evaluator fixtures the TypeScript twin is tested against (src/fixtures/):

  python-v2-frames.json.gz    clips drawn by shapeworld.render.render_objects at 64x64, 128x128, 128x72,
                              256x144 and 256x256 (plus noisy copies with a stray blob) and the
                              Python reader's read-back: src/render.ts and src/read-frames.ts must agree.
  python-v2-verdicts.json.gz  the honesty scenes of tests/v2_scenes.py and their wrong variants at
                              several sizes, each with its drawing, the Python reads and the Python
                              verdict per clause; and the 80 v1 read-backs of python-rules-reference.json.gz
                              (one blob per colour at 64x64) with the v2 verdicts: src/rules.ts must agree.

tests/test_eval_fixtures.py checks that the committed files are what this code reads and judges.

usage: /usr/bin/python3 scripts/make_eval_fixtures.py   (from training/; numpy + scipy, no torch)
"""
import base64
import gzip
import json
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))
sys.path.insert(0, str(TRAINING / "tests"))
import numpy as np  # noqa: E402

from shapeworld.reader import read_video  # noqa: E402
from shapeworld.render import render_objects  # noqa: E402
from shapeworld.rules import check_entry  # noqa: E402
from v2_scenes import SCENES, VARIANTS, build, clause_name, render  # noqa: E402

FIXTURES = TRAINING.parent / "src" / "fixtures"
FRAMES_FIXTURE = FIXTURES / "python-v2-frames.json.gz"
VERDICTS_FIXTURE = FIXTURES / "python-v2-verdicts.json.gz"
V1_RULES_FIXTURE = FIXTURES / "python-rules-reference.json.gz"

# (width, height, frames, which): every scene and variant at two sizes, the scenes alone at two more.
CASE_FORMATS = [(64, 64, 16, "all"), (256, 144, 16, "all"), (128, 128, 8, "scenes"), (256, 256, 8, "scenes")]

# Clips for the renderer and reader: (colour, shape, size in shorter sides, start, end), two frames.
CLIPS = [
    [("yellow", "ball", 0.2, (0.13, 0.5), (0.5, 0.5)), ("blue", "square", 0.2, (0.8, 0.5), (0.8, 0.45))],
    [("red", "triangle", 0.2, (0.2, 0.25), (0.75, 0.8)), ("red", "triangle", 1 / 7, (0.7, 0.2), (0.3, 0.7)),
     ("green", "ball", 1 / 7, (0.97, 0.5), (0.5, 0.03))],
    [("purple", "triangle", 1 / 7, (0.5, 0.2), (0.8, 0.5)), ("orange", "square", 1 / 7, (0.3, 0.6), (0.3, 0.6)),
     ("white", "ball", 1 / 7, (0.55, 0.55), (0.6, 0.5)), ("white", "ball", 1 / 7, (0.8, 0.8), (0.2, 0.8))],
]
CLIP_FORMATS = [(64, 64), (128, 128), (128, 72), (256, 144), (256, 256)]
NOISY_FORMATS = [(64, 64), (128, 72)]


def _b64(frames):
    return [base64.b64encode(np.ascontiguousarray(f).tobytes()).decode() for f in frames]


def json_reads(reads):
    blob = lambda b: {"x": float(b["x"]), "y": float(b["y"]), "area": int(b["area"]), "fill": float(b["fill"]),
                      "shape": b["shape"]}
    return [{"width": r["width"], "height": r["height"],
             "blobs": {c: [blob(b) for b in blobs] for c, blobs in r["blobs"].items()}} for r in reads]


def frame_clips():
    rng = np.random.default_rng(0)
    out = []
    for width, height in CLIP_FORMATS:
        for i, clip in enumerate(CLIPS):
            objects = [{"color": c, "shape": s, "size": size} for c, s, size, _, _ in clip]
            centers = [[list(a), list(b)] for _, _, _, a, b in clip]
            clean = render_objects(objects, centers, width, height)
            variants = [("clean", clean)]
            if i == 0 and (width, height) in NOISY_FORMATS:
                # as a model's output might be: noise, and a stray blob of an unnamed colour
                noisy = np.clip(clean.astype(np.float32) + rng.normal(0, 14, clean.shape), 0, 255).astype(np.uint8)
                noisy[:, height - 4:height - 1, 2:2 + width // 9] = (40, 180, 70)
                variants.append(("noisy", noisy))
            for name, frames in variants:
                out.append({"name": name, "width": width, "height": height,
                            "objects": [dict(o, centers=c) for o, c in zip(objects, centers)],
                            "frames": _b64(frames), "reads": json_reads(read_video(frames))})
    return out


def verdict_cases():
    out = []
    for width, height, frames, which in CASE_FORMATS:
        names = [(s, None) for s in SCENES] + ([(None, v) for v in VARIANTS] if which == "all" else [])
        for scene, variant in names:
            spec, drawn, fails = build(scene, width, height, frames, variant)
            reads = json_reads(read_video(render(drawn, width, height)))
            verdicts = check_entry(reads, spec)
            failed = sorted(clause_name(c) for c, ok in zip(spec["clauses"], verdicts) if not ok)
            if failed != sorted(fails):  # the fixture records an honest evaluator only
                raise SystemExit(f"{variant or scene} at {width}x{height}: fails {failed}, expected {sorted(fails)}")
            out.append({"name": variant or scene, "width": width, "height": height, "frames": frames,
                        "objects": spec["objects"], "clauses": spec["clauses"], "fails": fails,
                        "drawn": [dict(o, centers=[list(p) for p in o["centers"]]) for o in drawn],
                        "reads": reads, "verdicts": verdicts})
    return out


def v1_reads(reads):
    """A v1 read-back ({colour: largest blob}) as a v2 frame read at 64x64 with one blob per colour."""
    return [{"width": 64, "height": 64, "blobs": {c: [o] for c, o in r.items()}} for r in reads]


def v1_cases():
    with gzip.open(V1_RULES_FIXTURE, "rt") as f:
        scenes = json.load(f)
    out = []
    for s in scenes:
        entry = {"objects": s["objects"], "clauses": s["clauses"]}
        reads = v1_reads(s["reads"])
        out.append({"seed": s["seed"], "perturbation": s["perturbation"], **entry, "reads": reads,
                    "verdicts": check_entry(reads, entry)})
    return out


def write(path, value):
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(value).encode())


def main():
    clips = frame_clips()
    write(FRAMES_FIXTURE, clips)
    cases, v1 = verdict_cases(), v1_cases()
    write(VERDICTS_FIXTURE, {"cases": cases, "v1": v1})
    failing = sum(not all(c["verdicts"]) for c in cases)
    print(f"wrote {FRAMES_FIXTURE.name}: {len(clips)} clips; {VERDICTS_FIXTURE.name}: {len(cases)} v2 cases "
          f"({failing} failing a clause), {len(v1)} v1 read-backs")


if __name__ == "__main__":
    main()
