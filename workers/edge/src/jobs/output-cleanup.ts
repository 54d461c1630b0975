import type { Context } from "hono";
import { objectStore } from "../app-types.js";
import type { AppEnv } from "../env.js";
import { logEvent } from "../log.js";
import type { JobRecord } from "./job-record.js";

/**
 * Keeps a video's bucket prefix to exactly what its record says, in the background: after a job
 * succeeds, only the completing attempt's objects remain (a failed, released or lease-lost attempt
 * wrote to its own `attempt-N/` folder); once it ended otherwise (failed, canceled) or was deleted,
 * nothing remains. Runners only ever PUT; this is the one place outputs are deleted.
 */
export function cleanUpOutputs(c: Context<AppEnv>, job: JobRecord, reason: "completed" | "ended" | "deleted"): void {
  // A job that succeeded on its first attempt has no other attempt's objects to remove.
  if (reason === "completed" && job.attempts <= 1) return;
  const keep = new Set(reason === "completed" ? job.outputs.map((o) => o.key) : []);
  c.executionCtx.waitUntil(
    objectStore(c)
      .deletePrefix(job.output_prefix, keep)
      .then((failed) => {
        if (failed.length > 0) logEvent("error", "output_delete_failed", { video_id: job.id, reason, keys: failed });
      })
      .catch((error: unknown) =>
        logEvent("error", "output_cleanup_failed", { video_id: job.id, reason, error: String(error) }),
      ),
  );
}
