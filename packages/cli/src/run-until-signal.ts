/**
 * Resolves with the first of SIGINT/SIGTERM. A second signal while shutting down forces exit.
 */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        process.stderr.write(`sketchreel: ${signal} again, exiting now\n`);
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
