/**
 * Runs the steps of a test stack's teardown in order, each bounded by `ms`: a step still running then
 * is reported on stderr (named, with how long it had) and the next one starts, so one stuck step
 * (a server waiting on a connection, a runtime slow to exit on a saturated machine) costs the
 * suite seconds instead of the hook's whole timeout, and says which part of the stack it was.
 */
export async function tearDown(steps: Array<[name: string, step: () => Promise<unknown>]>, ms = 20_000): Promise<void> {
  for (const [name, step] of steps) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ms);
    });
    const outcome = await Promise.race([step().then(() => "done" as const), late]).finally(() => clearTimeout(timer));
    if (outcome === "late")
      console.error(JSON.stringify({ msg: "teardown step still running; going on", step: name, ms }));
  }
}
