import { watchParent } from "@sketchreel/dev-stack";

export type ShutdownReason = NodeJS.Signals | "parent exited";

/**
 * Resolves with the first of SIGINT, SIGTERM, SIGHUP or the exit of this process's parent (`npx`
 * does not forward SIGTERM to its child; a closed terminal or a killed supervisor must still stop
 * the stack). A second signal while shutting down forces exit.
 */
export function waitForShutdownSignal(): Promise<ShutdownReason> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: ShutdownReason) => {
      if (received) {
        process.stderr.write(`sketchreel: ${signal} again, exiting now\n`);
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("SIGHUP", onSignal);
    watchParent(() => onSignal("parent exited"));
  });
}
