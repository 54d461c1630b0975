import { CLAUSE_KINDS } from "@sketchreel/shape-world";
import type { EvalRun } from "./run-suite.js";
import { type EvalSummary, type Tally, tally } from "./summarize.js";

const cell = (t: Tally) => (t.total ? `${t.passed}/${t.total}` : "-");
const pct = (t: Tally) => (t.pct === null ? "-" : `${t.pct.toFixed(1)} %`);

/**
 * The human-readable result: one line per prompt (runs fully correct, clauses passed per kind),
 * then per-kind accuracy and the fully-correct share.
 */
export function formatTable(runs: EvalRun[], summary: EvalSummary): string {
  const header = ["id", "correct", ...CLAUSE_KINDS, "prompt"];
  const rows: string[][] = [];
  for (const id of new Set(runs.map((r) => r.id))) {
    const ofPrompt = runs.filter((r) => r.id === id);
    const clauses = ofPrompt.flatMap((r) => r.clauses);
    const perKind = CLAUSE_KINDS.map((kind) => {
      const ofKind = clauses.filter((c) => c.clause.kind === kind);
      return cell(tally(ofKind.filter((c) => c.pass).length, ofKind.length));
    });
    const correct = cell(tally(ofPrompt.filter((r) => r.pass).length, ofPrompt.length));
    rows.push([id, correct, ...perKind, ofPrompt[0]?.prompt ?? ""]);
  }
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (i < header.length - 1 ? (r[i]?.length ?? 0) : 0))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c))
      .join("  ")
      .trimEnd();
  const kinds = CLAUSE_KINDS.map((k) => `${k} ${pct(summary.per_kind[k])}`).join(" · ");
  return [
    line(header),
    ...rows.map(line),
    "",
    `clause accuracy: ${pct(summary.clause_accuracy)} (${cell(summary.clause_accuracy)}) — ${kinds}`,
    `fully correct: ${pct(summary.fully_correct)} of runs (${cell(summary.fully_correct)}), ` +
      `${cell(summary.prompts_fully_correct_all_seeds)} prompts on every seed; ${summary.seconds_per_video} s per video`,
  ].join("\n");
}
