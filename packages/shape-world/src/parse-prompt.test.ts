import { describe, expect, it } from "vitest";
import reportedSuite from "../suites/v1-test.json" with { type: "json" };
import { PromptParseError } from "./errors.js";
import { parsePrompt } from "./parse-prompt.js";
import type { SceneSpec } from "./scene.js";

describe("parsePrompt", () => {
  it("reads the seed's example 1", () => {
    const spec = parsePrompt(
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
    );
    expect(spec).toEqual({
      objects: [
        { color: "yellow", shape: "ball" },
        { color: "blue", shape: "square" },
      ],
      clauses: [
        { kind: "presence" },
        { kind: "shape", color: "yellow", shape: "ball" },
        { kind: "motion", color: "yellow", from: "left edge", to: "center" },
        { kind: "shape", color: "blue", shape: "square" },
        { kind: "stationary", color: "blue", at: "right" },
      ],
    });
  });

  // Golden: the reported suite's hand-annotated clauses (suites/v1-test.json, written from SPECS in
  // training/shapeworld/suites.py by its parse_spec), an independent reference for every phrasing it uses.
  it.each((reportedSuite as (SceneSpec & { prompt: string })[]).map((s) => [s.prompt, s] as const))(
    "matches the training annotation: %s",
    (prompt, spec) => {
      expect(parsePrompt(prompt)).toEqual({ objects: spec.objects, clauses: spec.clauses });
    },
  );

  it.each([
    ["A red dot falls.", { kind: "motion", color: "red", from: "top", to: "bottom" }],
    ["a red dot rises up", { kind: "motion", color: "red", from: "bottom", to: "top" }],
    [
      "A red dot falls from the top edge to the bottom edge",
      { kind: "motion", color: "red", from: "top edge", to: "bottom edge" },
    ],
    [
      "A red dot moves from the top left to the bottom right corner",
      { kind: "motion", color: "red", from: "top-left", to: "bottom-right" },
    ],
    ["A red dot drifts from the middle to the centre", { kind: "motion", color: "red", from: "center", to: "center" }],
    ["A red dot sits still", { kind: "stationary", color: "red", at: null }],
    [
      "A red dot is stationary near the right edge of the frame",
      { kind: "stationary", color: "red", at: "right edge" },
    ],
  ])("reads %j", (prompt, clause) => {
    expect(parsePrompt(prompt).clauses.at(-1)).toEqual(clause);
  });

  it("splits every joiner and a leading while", () => {
    for (const joined of [
      "a red ball falls while a blue box rises",
      "a red ball falls and a blue box rises",
      "a red ball falls, and a blue box rises",
      "a red ball falls as a blue box rises",
      "while a red ball falls, a blue box rises",
    ]) {
      expect(parsePrompt(joined).clauses.filter((c) => c.kind === "motion")).toEqual([
        { kind: "motion", color: "red", from: "top", to: "bottom" },
        { kind: "motion", color: "blue", from: "bottom", to: "top" },
      ]);
    }
  });

  it("merges a second mention of the same object", () => {
    const spec = parsePrompt("A red ball is above a blue square, and the blue square stays at the bottom");
    expect(spec.objects).toHaveLength(2);
    expect(spec.clauses).toEqual([
      { kind: "presence" },
      { kind: "shape", color: "red", shape: "ball" },
      { kind: "shape", color: "blue", shape: "square" },
      { kind: "stationary", color: "blue", at: "bottom" },
      { kind: "relation", color: "red", relation: "above", other: "blue" },
    ]);
  });

  it.each([
    ["", /empty/],
    ["A red ball jumps over the moon", /cannot read "a red ball jumps over the moon"/],
    ["A pink ball falls", /cannot read/],
    ["A red ball falls and the red square rises", /red object is both a ball and a square/],
    ["A red ball falls, a blue ball rises and a green ball stays", /cannot read|at most two objects/],
    ["A red ball falls while a blue ball rises and a green ball stays", /at most two objects/],
    ["A red ball moves from the left to the moon", /cannot read/],
  ])("rejects %j", (prompt, message) => {
    expect(() => parsePrompt(prompt)).toThrow(PromptParseError);
    expect(() => parsePrompt(prompt)).toThrow(message);
  });
});
