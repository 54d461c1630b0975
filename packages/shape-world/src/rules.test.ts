import { describe, expect, it } from "vitest";
import { parsePrompt } from "./parse-prompt.js";
import { loadRulesReference } from "./reference-fixture.js";
import { checkClause } from "./rules.js";
import type { Clause } from "./scene.js";
import type { Relation } from "./vocabulary.js";

const scenes = loadRulesReference();
const INVERSE: Record<Relation, Relation> = {
  above: "below",
  below: "above",
  "to the left of": "to the right of",
  "to the right of": "to the left of",
};
/** A relation and its mirror ("A above B" = "B below A") compare equal; clause order is free. */
const canonical = (clauses: Clause[]) =>
  clauses
    .map((c) =>
      c.kind === "relation" && c.color > c.other
        ? { ...c, color: c.other, other: c.color, relation: INVERSE[c.relation] }
        : c,
    )
    .map((c) => JSON.stringify(c, Object.keys(c).sort()))
    .sort();

describe("rules agree with the training evaluator (training/shapeworld/rules.py)", () => {
  it("the fixture covers passing and failing clauses of every kind", () => {
    const outcomes = new Set(scenes.flatMap((s) => s.clauses.map((c, i) => `${c.kind}:${s.verdicts[i]}`)));
    for (const kind of ["presence", "shape", "motion", "stationary", "relation"]) {
      expect(outcomes).toContain(`${kind}:true`);
      expect(outcomes).toContain(`${kind}:false`);
    }
  });

  it.each(scenes.map((s) => [s.seed, s.perturbation, s] as const))(
    "scene %i (%s): same verdict per clause",
    (_seed, _kind, scene) => {
      const verdicts = scene.clauses.map((clause) => checkClause(scene.reads, scene.objects, clause).pass);
      expect(verdicts).toEqual(scene.verdicts);
    },
  );
});

describe("parsePrompt reads the training captions", () => {
  it.each(scenes.map((s) => [s.prompt, s] as const))("%s", (_prompt, scene) => {
    const spec = parsePrompt(scene.prompt);
    expect(spec.objects.map((o) => o.color).sort()).toEqual(scene.objects.map((o) => o.color).sort());
    expect(canonical(spec.clauses)).toEqual(canonical(scene.clauses));
  });
});

describe("shape majority", () => {
  const read = (shape: "ball" | "square") => ({ red: { x: 0.5, y: 0.5, area: 100, fill: 0.8, shape } });
  const clause = { kind: "shape", color: "red", shape: "ball" } as const;
  const objects = [{ color: "red", shape: "ball" }] as const;

  it("passes on a strict majority and fails on a tie (deterministically)", () => {
    const majority = [read("ball"), read("ball"), read("square")];
    expect(checkClause(majority, [...objects], clause).pass).toBe(true);
    const tie = [read("ball"), read("square")];
    expect(checkClause(tie, [...objects], clause)).toMatchObject({
      pass: false,
      reason: "red reads as no single shape: ball 1, square 1",
    });
  });
});
