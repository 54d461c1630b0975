import { EdgeHttpError } from "./edge-retry-policy.js";

export type InterruptKind = "canceled" | "lease_lost" | "shutdown" | "timeout";

/** Why the service aborted a running job (the AbortSignal's reason). */
export class JobInterrupt extends Error {
  override readonly name = "JobInterrupt";
  constructor(readonly kind: InterruptKind) {
    super(`job interrupted: ${kind}`);
  }
}

/**
 * The job was queued for another version of the model than the one loaded here: its cached results
 * would be keyed wrongly. Retryable, so a runner with the right version can take it.
 */
export class ModelVersionMismatchError extends Error {
  override readonly name = "ModelVersionMismatchError";
  readonly code = "model_version_mismatch";
  constructor(model: string, wanted: string, loaded: string) {
    super(`job wants ${model} version ${wanted} but this runner has ${loaded} loaded`);
  }
}

export interface Failure {
  code: string;
  message: string;
  retryable: boolean;
  /** Handed back unfinished (shutdown), not failed: the edge requeues it without counting the attempt. */
  released?: boolean;
}

/** Codes that no retry can fix: the request itself is wrong. */
const PERMANENT_CODES = new Set(["invalid_params", "invalid_frames", "unsupported_format"]);

/**
 * Maps a thrown error to the `fail` body. Typed errors from the pipeline, encoder and storage carry
 * a stable `code` (and storage its own `retryable`); anything else is an internal, retryable failure
 * (another runner may well succeed).
 */
export function describeFailure(error: unknown): Failure {
  const e = error as { code?: unknown; retryable?: unknown; message?: unknown; name?: unknown };
  const message = String(e?.message ?? error).slice(0, 2000);
  if (e?.name === "StorageError") return { code: "upload_failed", message, retryable: e.retryable === true };
  if (error instanceof EdgeHttpError) return { code: "edge_rejected", message, retryable: error.status >= 500 };
  if (typeof e?.code === "string" && /^[a-z_]{1,64}$/.test(e.code)) {
    return { code: e.code, message, retryable: !PERMANENT_CODES.has(e.code) };
  }
  return { code: "internal", message, retryable: true };
}
