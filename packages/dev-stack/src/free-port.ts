import { createServer } from "node:net";

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function findFreePort(): Promise<number> {
  return listenOnce(0);
}

/** `preferred` when it is free on 127.0.0.1, otherwise any free port. */
export async function preferPort(preferred: number): Promise<number> {
  try {
    return await listenOnce(preferred);
  } catch {
    return findFreePort();
  }
}

/** The edge's port is taken: most often by a `sketchreel dev` that is still running. */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
  constructor(readonly port: number) {
    super(
      `port ${port} on 127.0.0.1 is already in use (another \`sketchreel dev\`? \`ss -ltnp 'sport = :${port}'\` shows who holds it); stop it or pass --port`,
    );
  }
}

/** Throws `PortInUseError` unless `port` is free on 127.0.0.1 right now. */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await listenOnce(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(port);
    throw error;
  }
}
