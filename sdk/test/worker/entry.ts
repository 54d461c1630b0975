// A Worker that exercises the SDK inside workerd (test/workerd.test.ts bundles and runs it).
import { NotFoundError, Sketchreel, verifyWebhook } from "../../src/index.js";

interface Probe {
  baseUrl: string;
  webhook: { body: string; headers: Record<string, string>; secret: string };
}

export default {
  async fetch(request: Request): Promise<Response> {
    const probe = (await request.json()) as Probe;
    const client = new Sketchreel({ apiKey: "sr_test_worker", baseUrl: probe.baseUrl, maxRetries: 0 });
    const missing = await client.videos.get("vid_0123456789abcdef").catch((error: unknown) => error);
    const events: string[] = [];
    for await (const event of client.videos.events("vid_0123456789abcdef")) events.push(event.type);
    const event = await verifyWebhook(probe.webhook.body, probe.webhook.headers, probe.webhook.secret);
    return Response.json({
      notFound: missing instanceof NotFoundError,
      requestId: missing instanceof NotFoundError ? missing.requestId : null,
      events,
      webhook: event.type,
    });
  },
};
