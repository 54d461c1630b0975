import type { FieldError } from "@sketchreel/contract";
import type { JobRecord, StoredOutput } from "../../jobs/job-record.js";

/** Check a runner's outputs: requested variants only, keys under the job's own prefix. */
export function checkOutputs(job: JobRecord, outputs: StoredOutput[]): FieldError[] {
  return outputs.flatMap((output, i) => {
    const problems: FieldError[] = [];
    if (!job.outputs_requested.includes(output.variant)) {
      problems.push({
        field: `outputs.${i}.variant`,
        rule: "enum",
        message: `outputs.${i}.variant must be one of ${job.outputs_requested.join(", ")} (got ${output.variant})`,
      });
    }
    if (!output.key.startsWith(job.output_prefix) || output.key.includes("..")) {
      problems.push({
        field: `outputs.${i}.key`,
        rule: "prefix",
        message: `outputs.${i}.key must start with ${job.output_prefix}`,
      });
    }
    return problems;
  });
}
