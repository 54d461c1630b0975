import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  type FieldError,
  VideoNotSucceededError,
} from "@sketchreel/sdk";
import { ConfigError } from "../config.js";
import { UsageError } from "../usage-error.js";

/** API answers that mean the command line asked for something wrong: fix the arguments (exit 2). */
const INPUT_STATUSES = new Set([400, 404, 413, 422]);

/** How a remote command failed, as `--json` prints it under `error`. */
export interface RemoteFailure {
  exitCode: number;
  status?: number;
  code: string;
  message: string;
  request_id?: string;
  video_id?: string;
  errors?: FieldError[];
}

/**
 * Maps what a remote command can throw to an exit code and a message: the API's problem `detail`,
 * its `request_id` and field errors; 2 for a request the user's input made wrong (400, 404, 413,
 * 422, a bad flag or a missing setting), 1 for anything else (auth, conflicts, rate limits, the API
 * or the network failing, a video that failed), 130 when interrupted.
 */
export function toRemoteFailure(error: unknown, interrupted = false, baseUrl?: string): RemoteFailure {
  if (interrupted) return { exitCode: 130, code: "interrupted", message: "interrupted" };
  if (error instanceof UsageError)
    return { exitCode: 2, code: "invalid_arguments", message: error.message, errors: error.errors };
  if (error instanceof ConfigError) return { exitCode: 2, code: "invalid_config", message: error.message };
  if (error instanceof APIError) {
    return {
      exitCode: INPUT_STATUSES.has(error.status) ? 2 : 1,
      status: error.status,
      code: error.code ?? `http_${error.status}`,
      message: error.problem?.detail ?? error.message,
      ...(error.requestId ? { request_id: error.requestId } : {}),
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    };
  }
  if (error instanceof VideoNotSucceededError) {
    const reason = error.video.error ? `: ${error.video.error.code}: ${error.video.error.message}` : "";
    return {
      exitCode: 1,
      code: `video_${error.video.status}`,
      message: `video ${error.video.id} ${error.video.status}${reason}`,
      video_id: error.video.id,
    };
  }
  if (error instanceof APITimeoutError && error.videoId) {
    const id = error.videoId;
    return {
      exitCode: 1,
      code: "timeout",
      message: `video ${id} is not done yet; it keeps going: \`sketchreel videos get ${id} --wait\` waits again, \`sketchreel videos cancel ${id}\` stops it`,
      video_id: id,
    };
  }
  if (error instanceof APIConnectionError) {
    const cause = (error.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
    const why = cause?.code ?? cause?.message ?? error.message;
    return {
      exitCode: 1,
      code: "connection_error",
      message: `cannot reach the API${baseUrl ? ` at ${baseUrl}` : ""}: ${why}`,
    };
  }
  return { exitCode: 1, code: "failed", message: error instanceof Error ? error.message : String(error) };
}

/** Prints a failure: one JSON object on stdout with `--json`, else lines on stderr. Returns the exit code. */
export function reportFailure(
  command: string,
  error: unknown,
  options: { json: boolean; interrupted?: boolean; baseUrl?: string | undefined },
) {
  const failure = toRemoteFailure(error, options.interrupted, options.baseUrl);
  const { exitCode, ...body } = failure;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ error: body })}\n`);
    return exitCode;
  }
  const answer = [
    ...(failure.status ? [`${failure.status} ${failure.code}`] : []),
    ...(failure.request_id ? [`request ${failure.request_id}`] : []),
  ];
  const lines = [
    `${command}: ${failure.message}${answer.length > 0 ? ` (${answer.join(", ")})` : ""}`,
    ...(failure.errors ?? []).map((e) => `  ${e.field}: ${e.message}${suggestions(e)}`),
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
  return exitCode;
}

function suggestions(error: FieldError): string {
  return error.suggestions && error.suggestions.length > 0 ? ` (try: ${error.suggestions.join(", ")})` : "";
}
