import { DEFAULT_PORT, DEFAULT_STATE_DIR } from "@sketchreel/dev-stack/defaults";
import type { Command } from "commander";
import { examples, handler, printUsageError, type RegisterCommand } from "../command.js";
import type { DevFlags } from "../local-stack/run-dev.js";
import { UsageError } from "../usage-error.js";

const DESCRIPTION = `Starts the whole local stack in the foreground: an S3-compatible server on 127.0.0.1 (bucket
created), the edge worker in workerd (wrangler, offline, Durable Objects and KV persisted under
DIR/edge) and N runner processes on the embedded model. Tokens and an API key are generated on
first start and kept in DIR. When ready it prints one line with the API URL and writes DIR/dev.json
(apiUrl, apiKey, adminToken, runnerToken, s3Endpoint, …). Ctrl-C (SIGINT) or SIGTERM stops
everything. Child logs: DIR/logs/.

With --json the ready line is one JSON object: dev.json's fields minus its secrets (apiKey,
adminToken, runnerToken, webhookSecret, s3SecretAccessKey), plus "devJson", the file that holds
them, so a script can wait for the line and read the key from the file without printing it.`;

export const registerDev: RegisterCommand = (program, context) => {
  program
    .command("dev")
    .summary("run the local stack: S3, the edge in workerd, N runners")
    .description(DESCRIPTION)
    .option("--port <n>", "edge port on 127.0.0.1", String(DEFAULT_PORT))
    .option("--runners <n>", "runner processes (0 = edge and S3 only)", "1")
    .option("--state <dir>", "state directory", DEFAULT_STATE_DIR)
    .option("--model <dir>", "model package for the runners (default: the embedded shape-world-tiny)")
    .option("--watch", "restart the edge when workers/edge changes (requests in flight then get a 503)")
    .option("--json", "print the ready line as one JSON object (no secrets: those stay in dev.json)")
    .addHelpText(
      "after",
      examples([
        ["the stack on port 8787, one runner", "sketchreel dev"],
        ["two runners, another port and state directory", "sketchreel dev --port 9000 --runners 2 --state /tmp/sr"],
        [
          "wait for it from a script, then read the key from dev.json",
          "sketchreel dev --json | head -n 1 | jq -r .devJson",
        ],
      ]),
    )
    .action(
      handler(
        context,
        "dev",
        async (flags: DevFlags, self: Command) => {
          const { runDev } = await import("../local-stack/run-dev.js");
          try {
            return await runDev(flags);
          } catch (error) {
            if (error instanceof UsageError) return printUsageError(self, error);
            throw error;
          }
        },
        "it runs the edge in workerd through wrangler, and the runners, from the repository's sources",
      ),
    );
};
