"""What the two suite files hold, computed from the world (numpy only). scripts/make_suite.py and
scripts/make_dev_suite.py write them to the shape-world package's suites/, after checking every
entry on its rendered ground-truth scene; tests/test_suites.py checks that the committed files are
current.

An entry is {"id", "prompt", "objects": [{color, shape}], "clauses": [...]} (clause kinds: rules.py).
- v1-test, the reported suite: 48 hand-annotated prompts (SPECS) covering every place, motion,
  relation, shape, colour and joiner.
- v1-dev, where settings are chosen: random scenes of the generator (seeds from DEV_SEED_BASE,
  outside the training clips' range) captioned by the caption generator, with the scenes' clauses.
"""
from .captions import caption_scene
from .layout import REL_POS
from .rules import suite_entry
from .scene import MIN_GAP, _min_distance, sample_scene
from .vocab import ANCHORS

DEV_SEED_BASE = 20_000_000  # training clips use 10_000_000 + index (< 14 000)

# prompt | objects "colour shape: from>to" (motion), "colour shape: @place" (stationary) or
# "colour shape" (relation member) separated by ";" | optional relation "colour REL colour"
SPECS = """
A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.|yellow ball: left edge>center; blue square: @right
A red ball moves from the left to the right.|red ball: left>right
A green square slides from the right to the left.|green square: right>left
A blue triangle falls from the top to the bottom.|blue triangle: top>bottom
A white circle rises from the bottom to the top.|white ball: bottom>top
An orange block glides from the top-left corner to the bottom-right corner.|orange square: top-left>bottom-right
A purple sphere drifts from the bottom-left to the top-right.|purple ball: bottom-left>top-right
A red triangle travels from the top-right corner to the bottom-left corner.|red triangle: top-right>bottom-left
A yellow box moves from the bottom-right to the top-left.|yellow square: bottom-right>top-left
A white dot stays in the center.|white ball: @center
A green ball remains at the top edge.|green ball: @top edge
A blue square sits still at the bottom edge.|blue square: @bottom edge
An orange triangle is stationary at the left edge.|orange triangle: @left edge
A purple cube stays on the right edge.|purple square: @right edge
A red ball is above a blue square.|red ball; blue square|red above blue
A green triangle is below a yellow circle.|green triangle; yellow ball|green below yellow
A white square is to the left of an orange ball.|white square; orange ball|white to the left of orange
A purple triangle sits to the right of a red cube.|purple triangle; red square|purple to the right of red
A blue ball rolls from the left to the right while a red square stays at the top.|blue ball: left>right; red square: @top
A green circle falls and a white box rises.|green ball: top>bottom; white square: bottom>top
An orange square slides from the right edge to the left edge, and a purple ball remains in the top-left corner.|orange square: right edge>left edge; purple ball: @top-left
A yellow triangle drifts from the top to the bottom as a green square stays on the left.|yellow triangle: top>bottom; green square: @left
While a white ball stays in the bottom-right corner, a red triangle glides from the top-left to the center.|white ball: @bottom-right; red triangle: top-left>center
A blue block travels from the bottom to the top, while an orange circle sits still on the left edge.|blue square: bottom>top; orange ball: @left edge
A purple ball moves from the center to the top-right corner and a yellow square remains at the bottom-left.|purple ball: center>top-right; yellow square: @bottom-left
A red circle rises as a green triangle sits still at the top-right corner.|red ball: bottom>top; green triangle: @top-right
A white triangle is stationary in the middle while a blue ball moves from the top-left corner to the top-right corner.|white triangle: @center; blue ball: top-left>top-right
An orange ball falls from the top edge to the bottom edge.|orange ball: top edge>bottom edge
A green cube rolls from the bottom edge to the top edge.|green square: bottom edge>top edge
A yellow sphere slides from the right to the center.|yellow ball: right>center
A purple square glides from the center to the left.|purple square: center>left
A white box remains stationary at the bottom.|white square: @bottom
A red dot sits still at the top.|red ball: @top
A blue triangle stays on the left.|blue triangle: @left
The orange cube is below the white sphere.|orange square; white ball|orange below white
A yellow block is to the right of a green dot.|yellow square; green ball|yellow to the right of green
A blue circle is to the left of a red triangle.|blue ball; red triangle|blue to the left of red
A purple ball sits above an orange square.|purple ball; orange square|purple above orange
An orange triangle moves from the left side to the right side, as a white square stays at the bottom edge.|orange triangle: left>right; white square: @bottom edge
A yellow ball travels from the bottom-left corner to the bottom-right corner while a purple block remains at the top.|yellow ball: bottom-left>bottom-right; purple square: @top
A green triangle falls while a red ball rises.|green triangle: top>bottom; red ball: bottom>top
A white circle drifts from the right edge to the center, and a blue square is stationary at the left edge.|white ball: right edge>center; blue square: @left edge
A red square moves from the top to the bottom.|red square: top>bottom
A purple circle stays in the top-right corner, and an orange ball stays in the bottom-left corner.|purple ball: @top-right; orange ball: @bottom-left
A blue ball remains in the center as a yellow triangle glides from the bottom-left corner to the bottom-right corner.|blue ball: @center; yellow triangle: bottom-left>bottom-right
A white block rises from the bottom to the top as a green circle stays on the right.|white square: bottom>top; green ball: @right
An orange dot slides from the top edge to the center.|orange ball: top edge>center
A green square stays near the left edge while a white triangle travels from the right to the center.|green square: @left edge; white triangle: right>center
"""


def parse_spec(line):
    prompt, objs, *rel = line.split("|")
    objects, clauses, gt = [], [{"kind": "presence"}], []
    for part in objs.split(";"):
        head, _, motion = part.strip().partition(":")
        color, shape = head.split()
        objects.append({"color": color, "shape": shape})
        clauses.append({"kind": "shape", "color": color, "shape": shape})
        motion = motion.strip()
        if motion.startswith("@"):
            clauses.append({"kind": "stationary", "color": color, "at": motion[1:]})
            p = ANCHORS[motion[1:]][0]
            gt.append([p, p])
        elif motion:
            a, b = motion.split(">")
            clauses.append({"kind": "motion", "color": color, "from": a, "to": b})
            gt.append([ANCHORS[a][0], ANCHORS[b][0]])
    if rel:
        words = rel[0].split()
        relation = " ".join(words[1:-1])
        clauses.append({"kind": "relation", "color": words[0], "relation": relation, "other": words[-1]})
        gt = [list(REL_POS[relation][:1]) * 2, list(REL_POS[relation][1:]) * 2]
    return {"prompt": prompt, "objects": objects, "clauses": clauses}, gt


def ground_truth_scene(entry, gt):
    """Objects at the places' anchors (relation members at REL_POS), size 0.2."""
    objs = [dict(o, start=list(s), end=list(e), size=0.2) for o, (s, e) in zip(entry["objects"], gt)]
    if len(objs) == 2 and _min_distance(*objs) < MIN_GAP:  # e.g. "falls" + "rises": separate in x
        for o, x in zip(objs, (0.3, 0.7)):
            o["start"][0] = o["end"][0] = x
    return {"objects": objs}


def v1_test_suite():
    """The reported suite: [(entry, ground-truth scene)], ids sw-01 to sw-48."""
    out = []
    for i, line in enumerate(SPECS.strip().splitlines()):
        entry, gt = parse_spec(line)
        out.append((dict(id=f"sw-{i + 1:02d}", **entry), ground_truth_scene(entry, gt)))
    return out


def v1_dev_suite(count=96):
    """The dev suite: [(entry, its scene)], ids dev-000 on."""
    out = []
    for i in range(count):
        scene = sample_scene(DEV_SEED_BASE + i)
        prompt, _ = caption_scene(scene, DEV_SEED_BASE + i)
        out.append((dict(id=f"dev-{i:03d}", **suite_entry(scene, prompt)), scene))
    return out
