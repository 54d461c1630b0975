import { createRoute, z } from "@hono/zod-openapi";
import { VideoId } from "../ids.js";
import {
  ContentQuery,
  CreateVideoHeaders,
  CreateVideoRequest,
  ListVideosQuery,
  MAX_PREFER_WAIT_S,
  Video,
  VideoList,
} from "../videos.js";
import { apiErrors, apiKeySecurity, json, problem } from "./common.js";

const IdParams = z.object({ id: VideoId });

const header = (description: string) => ({ description, schema: { type: "string" as const } });

/** A create response: the video, where it lives, and which preferences were honoured. */
const created = <T extends z.ZodType>(schema: T, description: string) => ({
  ...json(schema, description),
  headers: {
    Location: header("The video's URL (`GET /v1/videos/{id}`)."),
    "X-Cache": header("`HIT` when served from the result cache, else `MISS`."),
    "Preference-Applied": header("`wait=N` when a `Prefer: wait` was honoured (N after clamping)."),
    "Idempotent-Replayed": header("`true` when this replays the first response to the same `Idempotency-Key`."),
  },
});

export const createVideo = createRoute({
  method: "post",
  path: "/v1/videos",
  operationId: "createVideo",
  tags: ["videos"],
  summary: "Create a video (or return a cached one)",
  security: apiKeySecurity,
  description:
    "Answers at once with 202 (queued) or 200 (cache hit). With `Prefer: wait=N` the request is held until the video " +
    `reaches a terminal state, up to N seconds (at most ${MAX_PREFER_WAIT_S}): 201 when it did (\`status\` says how ` +
    "it ended), else 202.",
  request: {
    headers: CreateVideoHeaders,
    body: { required: true, content: { "application/json": { schema: CreateVideoRequest } } },
  },
  responses: {
    200: created(Video, "Served from the result cache (`cached: true`, `X-Cache: HIT`); no GPU work."),
    201: created(
      Video,
      "`Prefer: wait=N` was given and the video reached a terminal state (succeeded, failed or canceled) within it.",
    ),
    202: created(Video, "Queued (or attached to an identical running job). `Location` points at the video."),
    ...apiErrors,
    413: problem("Body larger than the limit."),
    415: problem("Content-Type is not application/json."),
  },
});

export const getVideo = createRoute({
  method: "get",
  path: "/v1/videos/{id}",
  operationId: "getVideo",
  tags: ["videos"],
  summary: "Get a video: status, progress and fresh output URLs",
  security: apiKeySecurity,
  request: { params: IdParams },
  responses: { 200: json(Video, "The video."), ...apiErrors, 404: problem("No such video for this tenant.") },
});

export const listVideos = createRoute({
  method: "get",
  path: "/v1/videos",
  operationId: "listVideos",
  tags: ["videos"],
  summary: "List videos, newest first (cursor pagination)",
  security: apiKeySecurity,
  request: { query: ListVideosQuery },
  responses: { 200: json(VideoList, "A page of videos."), ...apiErrors },
});

export const cancelVideo = createRoute({
  method: "post",
  path: "/v1/videos/{id}/cancel",
  operationId: "cancelVideo",
  tags: ["videos"],
  summary: "Cancel a queued or running video",
  security: apiKeySecurity,
  request: { params: IdParams },
  responses: {
    200: json(Video, "Canceled, or cancel requested (running jobs stop at the runner's next heartbeat)."),
    ...apiErrors,
    404: problem("No such video for this tenant."),
    409: problem("Already in a terminal state."),
  },
});

export const deleteVideo = createRoute({
  method: "delete",
  path: "/v1/videos/{id}",
  operationId: "deleteVideo",
  tags: ["videos"],
  summary: "Delete a video and its stored outputs",
  security: apiKeySecurity,
  request: { params: IdParams },
  responses: {
    204: { description: "Deleted." },
    ...apiErrors,
    404: problem("No such video for this tenant."),
    409: problem("Still running: cancel first."),
  },
});

export const videoEvents = createRoute({
  method: "get",
  path: "/v1/videos/{id}/events",
  operationId: "streamVideoEvents",
  tags: ["videos"],
  summary: "Server-Sent Events: one `VideoEvent` per status or progress change, closed at a terminal state",
  security: apiKeySecurity,
  request: { params: IdParams },
  responses: {
    200: {
      description: "`text/event-stream`; each event's `data` is a VideoEvent JSON.",
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...apiErrors,
    404: problem("No such video for this tenant."),
  },
});

export const videoContent = createRoute({
  method: "get",
  path: "/v1/videos/{id}/content",
  operationId: "getVideoContent",
  tags: ["videos"],
  summary: "Redirect to a short-lived presigned URL of one rendition",
  security: apiKeySecurity,
  request: { params: IdParams, query: ContentQuery },
  responses: {
    302: { description: "`Location` is a presigned URL, minted per request." },
    ...apiErrors,
    404: problem("No such video, or the variant was not produced."),
    409: problem("The video has not succeeded (yet)."),
  },
});
