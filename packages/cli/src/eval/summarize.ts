import { CLAUSE_KINDS, type ClauseKind } from "@sketchreel/shape-world";
import type { EvalRun } from "./run-suite.js";

export interface Tally {
  passed: number;
  total: number;
  /** Percentage with one decimal; null when nothing was counted. */
  pct: number | null;
}

export interface EvalSummary {
  prompts: number;
  runs: number;
  /** Runs where every clause passed. */
  fully_correct: Tally;
  /** Prompts fully correct for every seed. */
  prompts_fully_correct_all_seeds: Tally;
  /** Over every clause of every run. */
  clause_accuracy: Tally;
  per_kind: Record<ClauseKind, Tally>;
  /** Mean generation time per clip. */
  seconds_per_video: number;
}

export const tally = (passed: number, total: number): Tally => ({
  passed,
  total,
  pct: total ? Math.round((1000 * passed) / total) / 10 : null,
});

export function summarize(runs: EvalRun[]): EvalSummary {
  const byPrompt = groupById(runs);
  const clauses = runs.flatMap((r) => r.clauses);
  const perKind = Object.fromEntries(
    CLAUSE_KINDS.map((kind) => {
      const ofKind = clauses.filter((c) => c.clause.kind === kind);
      return [kind, tally(ofKind.filter((c) => c.pass).length, ofKind.length)];
    }),
  ) as Record<ClauseKind, Tally>;
  return {
    prompts: byPrompt.size,
    runs: runs.length,
    fully_correct: tally(runs.filter((r) => r.pass).length, runs.length),
    prompts_fully_correct_all_seeds: tally(
      [...byPrompt.values()].filter((rs) => rs.every((r) => r.pass)).length,
      byPrompt.size,
    ),
    clause_accuracy: tally(clauses.filter((c) => c.pass).length, clauses.length),
    per_kind: perKind,
    seconds_per_video: runs.length ? Math.round(runs.reduce((s, r) => s + r.ms, 0) / runs.length) / 1000 : 0,
  };
}

function groupById(runs: EvalRun[]): Map<string, EvalRun[]> {
  const groups = new Map<string, EvalRun[]>();
  for (const run of runs) groups.set(run.id, [...(groups.get(run.id) ?? []), run]);
  return groups;
}
