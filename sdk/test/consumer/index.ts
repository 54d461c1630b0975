// A consumer's file, type-checked against the packed tarball's .d.ts (test/pack.test.ts).
import {
  APIError,
  type CreateVideoParams,
  NotFoundError,
  Sketchreel,
  type Video,
  verifyWebhook,
} from "@sketchreel/sdk";

const client = new Sketchreel({ apiKey: "sr_test_abc", baseUrl: "http://127.0.0.1:1", maxRetries: 0 });
const params: CreateVideoParams = { prompt: "a red ball falls", seed: 7, outputs: ["gif", "poster"] };

export async function run(): Promise<Video | undefined> {
  try {
    return await client.videos.createAndWait(params, { onProgress: (p) => console.log(p.percent), timeout: 1_000 });
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    if (error instanceof APIError) console.log(error.code, error.requestId, error.errors);
    throw error;
  }
}

export async function onWebhook(body: string, headers: Headers): Promise<string> {
  const event = await verifyWebhook(body, headers, "whsec_c2VjcmV0");
  // @ts-expect-error -- a typo in an event type is a compile error for consumers
  if (event.type === "video.succeded") return "never";
  return event.data.status;
}

export async function resume(videoId: string): Promise<string | null> {
  const fromEnvironment = new Sketchreel(); // SKETCHREEL_API_KEY and SKETCHREEL_BASE_URL
  const video = await fromEnvironment.videos.wait(videoId, { timeout: 60_000 });
  const { data, response } = await fromEnvironment.videos.get(video.id).withResponse();
  console.log(data.status);
  return response.headers.get("ratelimit-remaining");
}
