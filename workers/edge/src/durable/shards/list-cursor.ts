import { fieldError } from "../../errors.js";
import type { ListPosition } from "../job-queue/job-table.js";

/**
 * The opaque `next_cursor` of `GET /v1/videos`: the last video's list position (creation ms, shard
 * rank, seq: the order a tenant's shards merge in). Base64url of `t:<ms>:<rank>:<seq>`.
 */
export const encodeListCursor = ({ createdMs, rank, seq }: ListPosition) =>
  btoa(`t:${createdMs}:${rank}:${seq}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Null for no cursor; a 422 naming `cursor` for anything that is not one of ours. */
export function decodeListCursor(cursor: string | undefined): ListPosition | null {
  if (cursor === undefined) return null;
  try {
    const match = atob(cursor.replace(/-/g, "+").replace(/_/g, "/")).match(/^t:(\d{1,15}):(-1|\d{1,4}):(\d{1,15})$/);
    if (match?.[1] && match[2] && match[3]) {
      return { createdMs: Number(match[1]), rank: Number(match[2]), seq: Number(match[3]) };
    }
  } catch {
    // fall through
  }
  throw fieldError("cursor", "format", "cursor must be a next_cursor value from a previous page");
}
