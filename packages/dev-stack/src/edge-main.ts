/**
 * The edge child process of `sketchreel dev`: runs workers/edge in workerd through wrangler's
 * `unstable_startWorker` (local mode, Durable Objects and KV persisted), with the options the
 * parent writes as one JSON object on stdin (secrets never appear in `ps`). Prints one JSON line
 * `{"msg":"edge ready"}` once it serves; SIGTERM/SIGINT, or its parent's exit, dispose workerd and exit.
 */
import { text } from "node:stream/consumers";
import { unstable_startWorker } from "wrangler";
import type { DevConfig } from "./config.js";
import { watchParent } from "./watch-parent.js";

export interface EdgeMainOptions {
  config: string;
  port: number;
  persistDir: string;
  vars: Record<string, string>;
  /** Rebuild and restart on edits to the edge's sources (interactive `sketchreel dev`). */
  watch: boolean;
  logLevel: DevConfig["edgeLogLevel"];
}

const options = JSON.parse(await text(process.stdin)) as EdgeMainOptions;
const worker = await unstable_startWorker({
  config: options.config,
  bindings: Object.fromEntries(Object.entries(options.vars).map(([k, value]) => [k, { type: "plain_text", value }])),
  dev: {
    server: { hostname: "127.0.0.1", port: options.port },
    inspector: false,
    persist: options.persistDir,
    watch: options.watch,
    liveReload: false,
    logLevel: options.logLevel,
  },
});
await worker.ready;
console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "edge ready", port: options.port }));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.dispose();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// Never outlive `sketchreel dev`, however it ended (a SIGKILL included).
watchParent(() => void stop());
