import { expectedArea, type FrameRead, parseSuite, type ReadObject } from "@sketchreel/shape-world";
import { describe, expect, it } from "vitest";
import { groundTruthSource } from "./clip-sources.js";
import type { EvalRun } from "./run-suite.js";
import { runSuite } from "./run-suite.js";
import { centroidDistance, seedVariety, type ThingTracks, thingTracks } from "./seed-variety.js";

/** A ball blob at (x, y) normalized, of `area` pixels. */
const ball = (x: number, y: number, area: number): ReadObject => ({ x, y, area, fill: 0.78, shape: "ball" });
/** Two things (total 4 objects: size 1/7) on 64×64: a single red ball and a group of three blue balls. */
const OBJECTS = [
  { color: "red" as const, shape: "ball" as const },
  { color: "blue" as const, shape: "ball" as const, count: 3 },
];
const AREA = expectedArea("ball", 1 / 7, 64); // ≈ 79 px; an object needs ≥ 40 % of it
const frame = (blobs: FrameRead["blobs"]): FrameRead => ({ width: 64, height: 64, blobs });

function run(id: string, seed: number, pass: boolean, tracks: ThingTracks): EvalRun {
  return { id, prompt: id, seed, pass, clauses: [], ms: 1, frames: [], width: 64, height: 64, num_frames: 2, tracks };
}

describe("thingTracks (SceneRead's positions)", () => {
  it("tracks a single at its largest object and a group at its members' mean, only where exactly `count` are read", () => {
    const reads = [
      frame({
        red: [ball(0.2, 0.3, AREA), ball(0.9, 0.9, 0.6 * AREA)],
        blue: [ball(0.1, 0.1, AREA), ball(0.4, 0.4, AREA), ball(0.7, 0.1, AREA)],
      }),
      // red only as a blob under 40 % of the expected area; blue with a member missing
      frame({ red: [ball(0.5, 0.5, 0.3 * AREA)], blue: [ball(0.1, 0.1, AREA), ball(0.4, 0.4, AREA)] }),
    ];
    const tracks = thingTracks(reads, OBJECTS);
    expect(Object.keys(tracks)).toEqual(["red", "blue"]);
    expect(tracks.red).toEqual([[0.2, 0.3], undefined]);
    expect(tracks.blue?.[0]?.map((v) => Number(v.toFixed(6)))).toEqual([0.4, 0.2]);
    expect(tracks.blue?.[1]).toBeUndefined();
  });
});

describe("centroidDistance", () => {
  const a: ThingTracks = { red: [[0.2, 0.3], [0.3, 0.3], undefined], blue: [[0.5, 0.5], undefined, [0.5, 0.5]] };

  it("is 0 for the same tracks", () => {
    expect(centroidDistance(a, a)).toBe(0);
  });

  it("averages over things and the frames where both are read, skipping the rest", () => {
    // red: frame 0 moved by (0.3, 0.4) → 0.5; frame 1 by 0.1 in x; frame 2 unread in a. blue: frame 0 unread in b,
    // frame 2 moved by 0.2 in y. Mean of 0.5, 0.1, 0.2.
    const b: ThingTracks = {
      red: [
        [0.5, 0.7],
        [0.4, 0.3],
        [0.9, 0.9],
      ],
      blue: [undefined, [0.1, 0.1], [0.5, 0.7]],
    };
    expect(centroidDistance(a, b)).toBeCloseTo((0.5 + 0.1 + 0.2) / 3, 12);
    expect(centroidDistance(b, a)).toBeCloseTo((0.5 + 0.1 + 0.2) / 3, 12);
  });

  it("is null when no thing is read in both at any frame", () => {
    expect(centroidDistance({ red: [[0.1, 0.1], undefined] }, { red: [undefined, [0.2, 0.2]] })).toBeNull();
  });
});

describe("seedVariety", () => {
  const here: ThingTracks = { red: [[0.2, 0.2]] };
  const there: ThingTracks = { red: [[0.2, 0.5]] };

  it("averages over the prompts fully correct on both seed 1 and seed 2", () => {
    const runs = [
      run("a", 1, true, here),
      run("a", 2, true, there), // 0.3
      run("a", 3, true, { red: [[0.9, 0.9]] }), // seed 3 plays no part
      run("b", 1, true, here),
      run("b", 2, true, { red: [[0.3, 0.2]] }), // 0.1
      run("c", 1, true, here),
      run("c", 2, false, there), // fails on seed 2: not measured
      run("d", 1, true, here), // no seed 2
    ];
    expect(seedVariety(runs)).toEqual({ prompts: 2, mean_centroid_distance: 0.2 });
  });

  it("is null when seeds 1 and 2 are not both run, or no prompt passes on both", () => {
    expect(seedVariety([run("a", 1, true, here), run("a", 3, true, there)])).toBeNull();
    expect(seedVariety([run("a", 1, true, here), run("a", 2, false, there)])).toBeNull();
    expect(seedVariety([])).toBeNull();
  });

  it("is 0 when both seeds draw the same clip, and above the bar for the seeded ground truth", async () => {
    const suite = parseSuite([
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
      "Three green squares in a row stand along the bottom, while a red ball falls.",
      { id: "wide", prompt: "A purple triangle circles around the center.", width: 256, height: 144, num_frames: 8 },
    ]);
    const truth = groundTruthSource();
    const sameSeed = { ...truth, render: (entry: (typeof suite)[number]) => truth.render(entry, 1) };
    const same = await runSuite(sameSeed, suite, { seeds: [1, 2] });
    expect(same.every((r) => r.pass)).toBe(true);
    expect(seedVariety(same)).toEqual({ prompts: 3, mean_centroid_distance: 0 });

    const seeded = await runSuite(truth, suite, { seeds: [1, 2] });
    expect(seeded.every((r) => r.pass)).toBe(true);
    expect(seedVariety(seeded)?.prompts).toBe(3);
    expect(seedVariety(seeded)?.mean_centroid_distance).toBeGreaterThan(0.05);
  });
});
