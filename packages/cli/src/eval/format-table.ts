import { CLAUSE_KINDS } from "@sketchreel/shape-world";
import { formatKey } from "./clip-format.js";
import type { EvalRun } from "./run-suite.js";
import { SEED_VARIETY_BAR, VARIETY_SEEDS } from "./seed-variety.js";
import { type EvalSummary, type Scores, type Tally, tally } from "./summarize.js";

const cell = (t: Tally | undefined) => (t?.total ? `${t.passed}/${t.total}` : "-");
const pct = (t: Tally | undefined) => (t?.pct === null || t?.pct === undefined ? "-" : `${t.pct.toFixed(1)} %`);

/**
 * The human-readable result: one line per prompt (runs fully correct, clauses passed per kind that
 * occurs, and its format when the suite mixes formats), then per format (when there are several),
 * then per-kind accuracy, the fully-correct share and the seed variety beside its bar.
 */
export function formatTable(runs: EvalRun[], summary: EvalSummary): string {
  const kinds = CLAUSE_KINDS.filter((kind) => summary.per_kind[kind]);
  const formats = Object.keys(summary.per_format);
  const mixed = formats.length > 1;
  const header = ["id", ...(mixed ? ["format"] : []), "correct", ...kinds, "prompt"];
  const rows: string[][] = [];
  for (const id of new Set(runs.map((r) => r.id))) {
    const ofPrompt = runs.filter((r) => r.id === id);
    const clauses = ofPrompt.flatMap((r) => r.clauses);
    const perKind = kinds.map((kind) => {
      const ofKind = clauses.filter((c) => c.clause.kind === kind);
      return cell(tally(ofKind.filter((c) => c.pass).length, ofKind.length));
    });
    const correct = cell(tally(ofPrompt.filter((r) => r.pass).length, ofPrompt.length));
    const format = mixed ? [[...new Set(ofPrompt.map(formatKey))].join(",")] : [];
    rows.push([id, ...format, correct, ...perKind, ofPrompt[0]?.prompt ?? ""]);
  }
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (i < header.length - 1 ? (r[i]?.length ?? 0) : 0))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c))
      .join("  ")
      .trimEnd();
  const byKind = (scores: Scores) =>
    CLAUSE_KINDS.filter((k) => scores.per_kind[k])
      .map((k) => `${k} ${pct(scores.per_kind[k])}`)
      .join(" · ");
  const perFormat = mixed
    ? [
        "",
        ...Object.entries(summary.per_format).map(
          ([key, s]) =>
            `${key}: fully correct ${pct(s.fully_correct)} (${cell(s.fully_correct)}), clause accuracy ${pct(s.clause_accuracy)} — ${byKind(s)}; ${s.seconds_per_video} s per video`,
        ),
      ]
    : [];
  return [
    line(header),
    ...rows.map(line),
    ...perFormat,
    "",
    `clause accuracy: ${pct(summary.clause_accuracy)} (${cell(summary.clause_accuracy)}) — ${byKind(summary)}`,
    `fully correct: ${pct(summary.fully_correct)} of runs (${cell(summary.fully_correct)}), ` +
      `${cell(summary.prompts_fully_correct_all_seeds)} prompts on every seed; ${summary.seconds_per_video} s per video` +
      (mixed ? "" : ` (${formats[0] ?? "no runs"})`),
    varietyLine(runs, summary),
  ].join("\n");
}

/** `seed variety: 0.213 (bar ≥ 0.05: met) — …`, or why it was not measured. */
function varietyLine(runs: EvalRun[], { seed_variety: variety }: EvalSummary): string {
  const [first, second] = VARIETY_SEEDS;
  const bar = `bar ≥ ${SEED_VARIETY_BAR}`;
  if (variety) {
    return (
      `seed variety: ${variety.mean_centroid_distance.toFixed(3)} (${bar}: ${variety.mean_centroid_distance >= SEED_VARIETY_BAR ? "met" : "NOT met"}) — ` +
      `mean centroid distance between seeds ${first} and ${second} over ${variety.prompts} prompt${variety.prompts === 1 ? "" : "s"} fully correct on both`
    );
  }
  const seeds = new Set(runs.map((r) => r.seed));
  const why =
    seeds.has(first) && seeds.has(second)
      ? `no prompt fully correct on both seeds ${first} and ${second}`
      : `needs seeds ${first} and ${second}`;
  return `seed variety: - (${bar}; ${why})`;
}
