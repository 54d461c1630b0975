import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { readConfig } from "./config.js";
import type { AppEnv } from "./env.js";
import type { JobRecord } from "./jobs/job-record.js";
import { type VideoOptions, videoFromRecord } from "./jobs/video-from-record.js";
import { ObjectStore, s3Settings } from "./storage/s3.js";

export type App = OpenAPIHono<AppEnv>;

/** Render a job for the caller, minting fresh presigned URLs for its outputs. */
export function videoFor(c: Context<AppEnv>, job: JobRecord, extra: Partial<VideoOptions> = {}) {
  const config = readConfig(c.env);
  return videoFromRecord(job, {
    publicBaseUrl: config.publicBaseUrl,
    presignTtlS: config.presignTtlS,
    store: objectStore(c),
    ...extra,
  });
}

const stores = new WeakMap<object, ObjectStore>();

/** One store per isolate and env: its SigV4 client caches derived signing keys across requests. */
export function objectStore(c: Context<AppEnv>): ObjectStore {
  let store = stores.get(c.env);
  if (!store) {
    store = new ObjectStore(s3Settings(c.env));
    stores.set(c.env, store);
  }
  return store;
}
