import type { Clause, SuiteEntry } from "@sketchreel/shape-world";
import { type AskedFormat, askedFormat, type ClipFormat } from "./clip-format.js";
import type { EvalRun } from "./run-suite.js";
import type { EvalSummary } from "./summarize.js";

/** report.json: everything needed to compare two evaluations without re-running them. */
export interface EvalReport {
  created_at: string;
  /** The suite file's absolute path, or "--prompt" for ad-hoc prompts. */
  suite: string;
  /** `dir` null and `id` "ground-truth" for --ground-truth. */
  model: { dir: string | null; id: string; version: string };
  params: { seeds: number[]; steps: number | null; guidance: number | null };
  summary: EvalSummary;
  prompts: Array<{
    id: string;
    prompt: string;
    /** The format the entry asks for (`{}`: the model's defaults, as a v1 entry). */
    format: AskedFormat;
    clauses: Clause[];
    runs: Array<
      ClipFormat & {
        seed: number;
        pass: boolean;
        ms: number;
        clauses: Array<{ kind: Clause["kind"]; pass: boolean; reason: string }>;
      }
    >;
  }>;
  /** Relative to the report: the contact sheet, one row per prompt × seed in `prompts` order. */
  contact_sheet: string;
}

export interface ReportInput {
  suitePath: string;
  suite: SuiteEntry[];
  model: EvalReport["model"];
  params: EvalReport["params"];
  runs: EvalRun[];
  summary: EvalSummary;
  contactSheet: string;
}

export function buildReport(input: ReportInput): EvalReport {
  return {
    created_at: new Date().toISOString(),
    suite: input.suitePath,
    model: input.model,
    params: input.params,
    summary: input.summary,
    prompts: input.suite.map((entry) => ({
      id: entry.id,
      prompt: entry.prompt,
      format: askedFormat(entry),
      clauses: entry.clauses,
      runs: input.runs
        .filter((r) => r.id === entry.id)
        .map((r) => ({
          seed: r.seed,
          pass: r.pass,
          ms: r.ms,
          width: r.width,
          height: r.height,
          num_frames: r.num_frames,
          clauses: r.clauses.map((c) => ({ kind: c.clause.kind, pass: c.pass, reason: c.reason })),
        })),
    })),
    contact_sheet: input.contactSheet,
  };
}
