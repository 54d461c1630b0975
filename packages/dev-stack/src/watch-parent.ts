/**
 * Calls `onGone` once when this process's parent exits, whatever ended it (SIGKILL included): the
 * process is then re-parented, so its parent pid changes. The local stack's children use it so that
 * none of them outlives `sketchreel dev`. The timer does not keep the process alive.
 */
export function watchParent(onGone: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
