import type { FieldError } from "@sketchreel/contract";

/**
 * A bad flag or value on the command line: the command prints it (with its usage where that helps)
 * and exits 2. `errors` name each flag, value and rule, like the pipeline's own input check.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly errors: FieldError[];
  constructor(problem: string | FieldError[]) {
    const errors = typeof problem === "string" ? [{ field: "(arguments)", rule: "syntax", message: problem }] : problem;
    super(errors.map((e) => e.message).join("; "));
    this.errors = errors;
  }
}
