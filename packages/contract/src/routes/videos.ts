import { createRoute, z } from "@hono/zod-openapi";
import { VideoId } from "../ids.js";
import {
  ContentQuery,
  CreateVideoRequest,
  IdempotencyKeyHeader,
  ListVideosQuery,
  Video,
  VideoList,
} from "../videos.js";
import { apiErrors, apiKeySecurity, json, problem } from "./common.js";

const IdParams = z.object({ id: VideoId });

export const createVideo = createRoute({
  method: "post",
  path: "/v1/videos",
  operationId: "createVideo",
  tags: ["videos"],
  summary: "Create a video (or return a cached one)",
  security: apiKeySecurity,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: { "application/json": { schema: CreateVideoRequest } } },
  },
  responses: {
    200: json(Video, "Served from the result cache (`cached: true`, `X-Cache: HIT`); no GPU work."),
    202: json(Video, "Queued (or attached to an identical running job). `Location` points at the video."),
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
