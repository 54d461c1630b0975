/** One `sketchreel` subcommand. `run` returns the process exit code. */
export interface Command {
  /** One line for `sketchreel --help`. */
  summary: string;
  /** Full usage text for `sketchreel <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}
