"""The world-v2 rules that measure distances and angles in pixels per shorter side, so a circle (and
an orbit) is round on 256x144 too (WORLD-V2.md; twin: src/geometry-rules.ts). Each takes a
reader.SceneRead and returns (pass, reason)."""
import math

from .vocab import in_region

FORMATION_FRAC = 0.9     # formation: frames with every member read
LINE_SPREAD = 0.08       # row/column: spread across the line (shorter-side units)
GAP_RATIO = 1.6          # row/column/circle: largest neighbour gap / smallest
CIRCLE_TOL = 0.25        # circle: distances to the members' mean within this fraction of their average
BETWEEN_SPAN = (0.2, 0.8)  # between: projection onto the segment a -> b ...
BETWEEN_OFF_LINE = 0.12  # ... and distance from its line (shorter-side units) ...
BETWEEN_FRAC = 0.8       # ... in this fraction of the frames
ORBIT_RADIUS = (0.15, 0.45)  # orbit: distance from the canvas centre (shorter-side units)
ORBIT_TURN = 300 * (math.pi / 180)
ORBIT_BACKSTEP = 0.05    # orbit: a step against the turn of at most this many radians is read jitter


def at(p):
    return f"({p[0]:.2f}, {p[1]:.2f})"


def mean(points):
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _gap_ratio(gaps):
    lo, hi = min(gaps), max(gaps)
    return hi / lo if lo > 0 else (1.0 if hi == 0 else math.inf)


def _formation_problem(points, formation):
    """None if the points keep the formation, else what is wrong."""
    if formation in ("row", "column"):
        along, across = (0, 1) if formation == "row" else (1, 0)
        spread = max(p[across] for p in points) - min(p[across] for p in points)
        if spread > LINE_SPREAD:
            return f"spread {spread:.2f} across the {formation}, allowed {LINE_SPREAD}"
        line = sorted(p[along] for p in points)
        ratio = _gap_ratio([q - p for p, q in zip(line, line[1:])])
    else:
        m = mean(points)
        dist = [math.hypot(p[0] - m[0], p[1] - m[1]) for p in points]
        avg = sum(dist) / len(dist)
        worst = max(abs(d - avg) for d in dist) / avg if avg > 0 else math.inf
        if worst > CIRCLE_TOL:
            return f"distances to the middle off their average by {worst:.0%}, allowed {CIRCLE_TOL:.0%}"
        angles = sorted(math.atan2(p[1] - m[1], p[0] - m[0]) for p in points)
        ratio = _gap_ratio([q - p for p, q in zip(angles, angles[1:])] + [angles[0] + 2 * math.pi - angles[-1]])
    if ratio > GAP_RATIO:
        return f"largest gap {ratio:.1f}x the smallest, allowed {GAP_RATIO}x"
    return None


def formation(sr, color, kind):
    count = sr.count(color)
    if count < 2:
        return False, f"{color} is a single object; a {kind} needs a group"
    frames = [f for f in range(sr.n) if len(sr.members(f, color)) == count]
    if not sr.n or len(frames) < FORMATION_FRAC * sr.n:
        return False, f"all {count} {color} members read in {len(frames)}/{sr.n} frames, needs >= 90 %"
    bad = [(f, p) for f in frames
           if (p := _formation_problem([sr.units(f, (b["x"], b["y"])) for b in sr.members(f, color)], kind))]
    if bad:
        f, problem = bad[0]
        return False, f"{color} not in a {kind} in {len(bad)}/{len(frames)} frames (frame {f}: {problem})"
    return True, f"{color} in a {kind} in all {len(frames)} frames with every member read"


def between(sr, color, a, b):
    holds, worst = 0, None
    for f, (p, pa, pb) in enumerate(zip(sr.track(color), sr.track(a), sr.track(b))):
        if p is None or pa is None or pb is None:
            continue
        (x, y), (ax, ay), (bx, by) = sr.units(f, p), sr.units(f, pa), sr.units(f, pb)
        vx, vy = bx - ax, by - ay
        length2 = vx * vx + vy * vy
        if length2 <= 0:
            continue
        t = ((x - ax) * vx + (y - ay) * vy) / length2
        off = abs((x - ax) * vy - (y - ay) * vx) / math.sqrt(length2)
        if BETWEEN_SPAN[0] <= t <= BETWEEN_SPAN[1] and off <= BETWEEN_OFF_LINE:
            holds += 1
        elif worst is None:
            worst = f"frame {f}: {t:.0%} along, {off:.2f} off the line"
    reason = f"{color} between {a} and {b} in {holds}/{sr.n} frames"
    if sr.n and holds >= BETWEEN_FRAC * sr.n:
        return True, reason
    return False, f"{reason}, needs >= 80 % (20-80 % along, within {BETWEEN_OFF_LINE}; {worst or 'not read'})"


def orbit(sr, color, start):
    read = [(f, p) for f, p in enumerate(sr.track(color)) if p is not None]
    if len(read) < 2:
        return False, f"{color} read in {len(read)}/{sr.n} frames, too few to orbit"
    problems = []
    if not in_region(start, *read[0][1]):
        problems.append(f"starts at {at(read[0][1])}, not in {start}")
    polar = []
    for f, p in read:
        u, v = sr.units(f, p)
        cu, cv = sr.units(f, (0.5, 0.5))
        polar.append((f, math.hypot(u - cu, v - cv), math.atan2(v - cv, u - cu)))
    off = [(f, r) for f, r, _ in polar if not ORBIT_RADIUS[0] <= r <= ORBIT_RADIUS[1]]
    if off:
        problems.append(f"radius {off[0][1]:.2f} at frame {off[0][0]}, needs {ORBIT_RADIUS[0]}-{ORBIT_RADIUS[1]}")
    steps = []
    for (_, _, a0), (_, _, a1) in zip(polar, polar[1:]):
        d = a1 - a0
        while d > math.pi:
            d -= 2 * math.pi
        while d <= -math.pi:
            d += 2 * math.pi
        steps.append(d)
    turn = sum(steps)
    back = [f for (f, _, _), d in zip(polar[1:], steps) if d * math.copysign(1, turn) < -ORBIT_BACKSTEP]
    if back:
        problems.append(f"turns back at frame {back[0]}")
    if abs(turn) < ORBIT_TURN:
        problems.append(f"turns {math.degrees(abs(turn)):.0f} degrees, needs >= 300")
    if problems:
        return False, f"{color}: " + "; ".join(problems)
    return True, f"{color} orbits {math.degrees(abs(turn)):.0f} degrees from {start}"
