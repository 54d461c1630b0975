import { getTemplate, getUsage, lintPrompt, listTemplates } from "./catalog.js";
import { embedPage, embedPoster, embedVideo, oembed } from "./embed.js";
import { completeJob, createKey, failJob, heartbeatJob, leaseJob, revokeKey } from "./internal.js";
import { getModel, listModels } from "./models.js";
import { cancelVideo, createVideo, deleteVideo, getVideo, listVideos, videoContent, videoEvents } from "./videos.js";
import { getWebhookSecret, listWebhookDeliveries, redeliverWebhook, rotateWebhookSecret } from "./webhooks.js";

export * from "./catalog.js";
export * from "./common.js";
export * from "./embed.js";
export * from "./internal.js";
export * from "./models.js";
export * from "./videos.js";
export * from "./webhooks.js";

/** Every route of the HTTP API, in the order the OpenAPI document lists them. */
export const routes = [
  createVideo,
  listVideos,
  getVideo,
  deleteVideo,
  cancelVideo,
  videoEvents,
  videoContent,
  listWebhookDeliveries,
  redeliverWebhook,
  getWebhookSecret,
  rotateWebhookSecret,
  listTemplates,
  getTemplate,
  lintPrompt,
  listModels,
  getModel,
  getUsage,
  embedPage,
  embedVideo,
  embedPoster,
  oembed,
  leaseJob,
  heartbeatJob,
  completeJob,
  failJob,
  createKey,
  revokeKey,
] as const;
