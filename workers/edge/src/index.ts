import { createApp } from "./app.js";

export { JobQueue } from "./durable/job-queue/index.js";
export { RateLimiter } from "./durable/rate-limiter.js";
export { WebhookDispatcher } from "./durable/webhook-dispatcher.js";
export { WebhookSecrets } from "./durable/webhook-secrets.js";

const app = createApp();

export default app satisfies ExportedHandler<Env>;
