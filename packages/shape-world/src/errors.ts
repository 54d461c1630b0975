/** A prompt outside the shape-world grammar; `fragment` is the part that could not be read. */
export class PromptParseError extends Error {
  override readonly name = "PromptParseError";
  constructor(
    message: string,
    readonly fragment: string,
  ) {
    super(message);
  }
}

/** A suite file that does not match the suite format; `path` names the offending field. */
export class SuiteFormatError extends Error {
  override readonly name = "SuiteFormatError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
