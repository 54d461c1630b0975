import { relative } from "node:path";
import { DEFAULT_PORT, DEFAULT_STATE_DIR, startDevStack } from "@sketchreel/dev-stack";
import type { Command } from "../command.js";
import { waitForShutdownSignal } from "../run-until-signal.js";
import { UsageError } from "../usage-error.js";
import { intFlag, parseStackFlags } from "./stack-flags.js";

const USAGE = `Usage: sketchreel dev [--port 8787] [--runners N] [--state DIR] [--model DIR] [--watch]

Starts the whole local stack in the foreground: an S3-compatible server on 127.0.0.1 (bucket
created), the edge worker in workerd (wrangler, offline, Durable Objects and KV persisted under
DIR/edge) and N runner processes on the embedded model. Tokens and an API key are generated on
first start and kept in DIR. When ready it prints one line with the API URL and writes DIR/dev.json
(apiUrl, apiKey, adminToken, runnerToken, s3Endpoint, …). Ctrl-C (SIGINT) or SIGTERM stops
everything. Child logs: DIR/logs/.

Options:
  --port N      edge port on 127.0.0.1 (default ${DEFAULT_PORT})
  --runners N   runner processes (default 1; 0 = edge and S3 only)
  --state DIR   state directory (default ${DEFAULT_STATE_DIR})
  --model DIR   model package for the runners (default: the embedded shape-world-tiny)
  --watch       restart the edge when workers/edge changes (requests in flight then get a 503)`;

const note = (text: string) => process.stderr.write(`dev: ${text}\n`);

const command: Command = {
  summary: "run the local stack: S3, the edge in workerd, N runners",
  usage: USAGE,
  async run(argv) {
    let flags: ReturnType<typeof parseStackFlags>;
    try {
      flags = parseStackFlags(argv, { watch: { type: "boolean" } });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`sketchreel dev: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const signal = waitForShutdownSignal();
    let stack: Awaited<ReturnType<typeof startDevStack>>;
    try {
      stack = await startDevStack({
        port: intFlag("port", flags.port as string | undefined, DEFAULT_PORT, 1, 65535),
        runners: intFlag("runners", flags.runners as string | undefined, 1, 0, 64),
        stateDir: (flags.state as string | undefined) ?? DEFAULT_STATE_DIR,
        ...(flags.model ? { modelDir: flags.model as string } : {}),
        watchEdge: flags.watch === true,
        onNote: note,
      });
    } catch (error) {
      process.stderr.write(`sketchreel dev: ${(error as Error).message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    process.stdout.write(
      `Sketchreel API ready at ${stack.info.apiUrl} (${stack.runners.length} runner(s); credentials in ${relative(process.cwd(), stack.devJsonPath) || stack.devJsonPath})\n`,
    );
    const received = await signal;
    note(`${received}: stopping runners, edge and S3`);
    await stack.stop();
    note("stopped");
    return 0;
  },
};

export default command;
