import { request } from "node:http";
import { Miniflare } from "miniflare";
const mf = new Miniflare({
  host: "127.0.0.1", port: 0,
  workers: [{
    name: "edge", modules: true, scriptPath: "/tmp/mfdbg/edge/index.js", modulesRoot: "/tmp/mfdbg/edge", compatibilityDate: "2026-04-20",
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
    kvNamespaces: ["KEYS"],
    durableObjects: { JOB_QUEUE: { className: "JobQueue", useSQLite: true }, RATE_LIMITER: { className: "RateLimiter", useSQLite: true }, WEBHOOKS: { className: "WebhookDispatcher", useSQLite: true }, WEBHOOK_SECRETS: { className: "WebhookSecrets", useSQLite: true } },
    bindings: { ENVIRONMENT: "development", PUBLIC_BASE_URL: "http://x.test", ADMIN_TOKEN: "a", RUNNER_TOKEN: "r", S3_SECRET_ACCESS_KEY: "s", S3_ENDPOINT: "http://127.0.0.1:4568", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_REGION: "us-east-1" },
  }],
});
await mf.ready;
const direct = await mf.unsafeGetDirectURL("edge");
const viaEntry = await mf.ready;
for (const [name, base] of [["direct", direct], ["entry", viaEntry]] as const) {
  for (const auth of [undefined, "Bearer r"]) {
    const started = Date.now();
    let sent = 0; let answered = false;
    const res = await new Promise<string>((resolve) => {
      const req = request(new URL("/internal/runners/lease", base), { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked", ...(auth ? { authorization: auth } : {}) } });
      const t = setTimeout(() => { answered = true; resolve("no answer"); req.destroy(); }, 5000);
      req.on("response", (r) => { answered = true; clearTimeout(t); resolve(String(r.statusCode)); req.destroy(); });
      req.on("error", (e) => { if (!answered) { answered = true; clearTimeout(t); resolve(String(e)); } });
      const chunk = Buffer.alloc(16384, 97);
      const pump = () => { while (!answered) { sent += chunk.length; if (!req.write(chunk)) return void req.once("drain", pump); } };
      pump();
    });
    console.log(name, auth ?? "none", res, Date.now() - started, "ms", sent, "bytes");
  }
}
await mf.dispose();
