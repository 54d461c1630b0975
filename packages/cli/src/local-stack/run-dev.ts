import { relative } from "node:path";
import { DEFAULT_PORT, DEFAULT_STATE_DIR, type DevInfo, startDevStack } from "@sketchreel/dev-stack";
import { waitForShutdownSignal } from "../run-until-signal.js";
import { UsageError } from "../usage-error.js";
import { intFlag, type StackFlags } from "./stack-flags.js";

export interface DevFlags extends StackFlags {
  watch?: boolean;
}

/** dev.json's fields that hold secrets: `--json` leaves them in the file and off stdout. */
const SECRETS = ["apiKey", "adminToken", "runnerToken", "webhookSecret", "s3SecretAccessKey"] as const;

/** What `sketchreel dev --json` prints when ready: dev.json minus its secrets, plus where dev.json is. */
export function readyLine(info: DevInfo, devJson: string): Record<string, unknown> {
  const open = Object.fromEntries(
    Object.entries(info).filter(([key]) => !(SECRETS as readonly string[]).includes(key)),
  );
  return { ready: true, ...open, devJson };
}

const note = (text: string) => process.stderr.write(`dev: ${text}\n`);

/**
 * `sketchreel dev`: starts the stack, says it is ready (a line, or one JSON line), and runs until a
 * signal stops it. A `UsageError` (a bad flag value) is left to the command, which prints the usage.
 */
export async function runDev(flags: DevFlags): Promise<number> {
  const options = {
    port: intFlag("port", flags.port, DEFAULT_PORT, 1, 65535),
    runners: intFlag("runners", flags.runners, 1, 0, 64),
    stateDir: flags.state ?? DEFAULT_STATE_DIR,
    ...(flags.model ? { modelDir: flags.model } : {}),
    watchEdge: flags.watch === true,
    onNote: note,
  };
  const signal = waitForShutdownSignal();
  let stack: Awaited<ReturnType<typeof startDevStack>>;
  try {
    stack = await startDevStack(options);
  } catch (error) {
    process.stderr.write(`sketchreel dev: ${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const devJson = relative(process.cwd(), stack.devJsonPath) || stack.devJsonPath;
  process.stdout.write(
    flags.json
      ? `${JSON.stringify(readyLine(stack.info, stack.devJsonPath))}\n`
      : `Sketchreel API ready at ${stack.info.apiUrl} (${stack.runners.length} runner(s); credentials in ${devJson})\n`,
  );
  const received = await signal;
  note(`${received}: stopping runners, edge and S3`);
  await stack.stop();
  note("stopped");
  return 0;
}
