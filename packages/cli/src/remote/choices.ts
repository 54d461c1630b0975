import type { JobState, Variant } from "@sketchreel/sdk";

/**
 * The API's renditions and job states, for `--variant`, `--outputs` and `--status` choices in
 * `--help` without loading the contract. The type check keeps them equal to the SDK's types, which
 * are generated from the contract: a value added there and missing here fails it.
 */
export const VARIANTS = ["mp4", "webm", "gif", "poster"] as const satisfies readonly Variant[];
export const JOB_STATES = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "canceled",
] as const satisfies readonly JobState[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const listsEveryVariant: Exhaustive<Variant, (typeof VARIANTS)[number]> = true;
const listsEveryState: Exhaustive<JobState, (typeof JOB_STATES)[number]> = true;
void [listsEveryVariant, listsEveryState];
