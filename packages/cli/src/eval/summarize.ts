import { CLAUSE_KINDS, type ClauseKind } from "@sketchreel/shape-world";
import { type ClipFormat, formatKey } from "./clip-format.js";
import type { EvalRun } from "./run-suite.js";
import { type SeedVariety, seedVariety } from "./seed-variety.js";

export interface Tally {
  passed: number;
  total: number;
  /** Percentage with one decimal; null when nothing was counted. */
  pct: number | null;
}

/** The scores of a set of runs: fully correct runs, clause accuracy overall and per clause kind. */
export interface Scores {
  runs: number;
  /** Runs where every clause passed. */
  fully_correct: Tally;
  /** Over every clause of every run. */
  clause_accuracy: Tally;
  /** Per clause kind that occurs in the runs, in CLAUSE_KINDS order. */
  per_kind: Partial<Record<ClauseKind, Tally>>;
  /** Mean generation time per clip. */
  seconds_per_video: number;
}

export interface EvalSummary extends Scores {
  prompts: number;
  /** Prompts fully correct for every seed. */
  prompts_fully_correct_all_seeds: Tally;
  /** The same scores per format the clips were made at (size × frames), keyed "256x144@32f", in suite order. */
  per_format: Record<string, ClipFormat & Scores>;
  /** How far things stand apart between seeds 1 and 2 on prompts correct on both (`seed-variety.ts`); null when not measurable. */
  seed_variety: SeedVariety | null;
}

export const tally = (passed: number, total: number): Tally => ({
  passed,
  total,
  pct: total ? Math.round((1000 * passed) / total) / 10 : null,
});

export function summarize(runs: EvalRun[]): EvalSummary {
  const byPrompt = groupBy(runs, (r) => r.id);
  const byFormat = groupBy(runs, formatKey);
  const { runs: count, ...overall } = score(runs);
  return {
    prompts: byPrompt.size,
    runs: count,
    fully_correct: overall.fully_correct,
    prompts_fully_correct_all_seeds: tally(
      [...byPrompt.values()].filter((rs) => rs.every((r) => r.pass)).length,
      byPrompt.size,
    ),
    clause_accuracy: overall.clause_accuracy,
    per_kind: overall.per_kind,
    seconds_per_video: overall.seconds_per_video,
    per_format: Object.fromEntries(
      [...byFormat].map(([key, ofFormat]) => {
        const { width, height, num_frames } = ofFormat[0]!;
        return [key, { width, height, num_frames, ...score(ofFormat) }];
      }),
    ),
    seed_variety: seedVariety(runs),
  };
}

/** Scores of any set of runs. */
export function score(runs: EvalRun[]): Scores {
  const clauses = runs.flatMap((r) => r.clauses);
  const perKind: Scores["per_kind"] = {};
  for (const kind of CLAUSE_KINDS) {
    const ofKind = clauses.filter((c) => c.clause.kind === kind);
    if (ofKind.length > 0) perKind[kind] = tally(ofKind.filter((c) => c.pass).length, ofKind.length);
  }
  return {
    runs: runs.length,
    fully_correct: tally(runs.filter((r) => r.pass).length, runs.length),
    clause_accuracy: tally(clauses.filter((c) => c.pass).length, clauses.length),
    per_kind: perKind,
    seconds_per_video: runs.length ? Math.round(runs.reduce((s, r) => s + r.ms, 0) / runs.length) / 1000 : 0,
  };
}

function groupBy(runs: EvalRun[], key: (run: EvalRun) => string): Map<string, EvalRun[]> {
  const groups = new Map<string, EvalRun[]>();
  for (const run of runs) groups.set(key(run), [...(groups.get(key(run)) ?? []), run]);
  return groups;
}
