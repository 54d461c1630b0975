import type { Sketchreel } from "@sketchreel/sdk";
import type { Command } from "commander";
import { commandPath, printUsageError } from "../command.js";
import { UsageError } from "../usage-error.js";
import { createApiClient } from "./api-client.js";
import type { ApiFlags } from "./api-options.js";
import { reportFailure } from "./report-failure.js";

/** What a remote command's work can tell the error report: the video it is about, once known. */
export interface RemoteState {
  videoId?: string;
}

/** A remote command's work: given the client, Ctrl-C's signal and the state for the error report. */
export type RemoteWork = (client: Sketchreel, signal: AbortSignal, state: RemoteState) => Promise<void>;

/**
 * Runs one remote command: the client from flags and environment, Ctrl-C as an abort signal, and
 * every failure reported the same way (see report-failure.ts). Resolves to the exit code.
 */
export async function runRemote(
  command: Command,
  flags: ApiFlags & { json?: boolean },
  work: RemoteWork,
): Promise<number> {
  const interrupted = new AbortController();
  const onSigint = () => interrupted.abort(new Error("interrupted (SIGINT)"));
  process.once("SIGINT", onSigint);
  const state: RemoteState = {};
  const json = flags.json === true;
  let client: Sketchreel | undefined;
  try {
    client = createApiClient(flags);
    await work(client, interrupted.signal, state);
    return 0;
  } catch (error) {
    if (error instanceof UsageError && !json) return printUsageError(command, error);
    const path = commandPath(command);
    if (interrupted.signal.aborted && state.videoId && !json) {
      process.stderr.write(
        `${path}: interrupted; video ${state.videoId} keeps going: \`sketchreel videos cancel ${state.videoId}\` stops it\n`,
      );
      return 130;
    }
    return reportFailure(path, error, { json, interrupted: interrupted.signal.aborted, baseUrl: client?.baseUrl });
  } finally {
    process.off("SIGINT", onSigint);
  }
}
