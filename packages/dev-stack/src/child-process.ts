import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

export interface ManagedChildOptions {
  /** Short name used in errors ("edge", "runner-1"). */
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd?: string;
  /** stdout and stderr of the child are appended here. */
  logFile: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

export interface ManagedChild {
  readonly name: string;
  readonly pid: number;
  /** Settles with the exit code (or the signal's name) once the whole child has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** Called with each line of output (stdout and stderr). */
  onLine(listener: (line: string) => void): void;
  /** Resolves with the first line matching `test`; rejects if the child exits first or after `timeoutMs`. */
  waitForLine(test: (line: string) => boolean, timeoutMs: number): Promise<string>;
  /** Sends `signal` to the child's whole process group (it and everything it started). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM the group, wait up to `graceMs`, then SIGKILL it. Resolves once it has exited. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Starts a child in its own process group, so that stopping it also stops whatever it spawned
 * (wrangler → workerd, esbuild). Output goes to a log file; listeners see it line by line.
 */
export function startChild(options: ManagedChildOptions): ManagedChild {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  const pid = child.pid;
  const listeners: ((line: string) => void)[] = [];
  let running = true;

  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once("exit", (code, signal) => {
      running = false;
      resolve(code ?? signal ?? 0);
    });
    child.once("error", () => {
      running = false;
      resolve(1);
    });
  });
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  void closed.then(() => log.end());

  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      log.write(chunk);
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) for (const listener of listeners) listener(line);
    });
  }

  function signalGroup(signal: NodeJS.Signals) {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  }

  return {
    name: options.name,
    pid,
    exited,
    onLine: (listener) => listeners.push(listener),
    waitForLine: (test, timeoutMs) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${options.name}: no matching output after ${timeoutMs} ms; see ${options.logFile}`)),
          timeoutMs,
        );
        listeners.push((line) => {
          if (!test(line)) return;
          clearTimeout(timer);
          resolve(line);
        });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${options.name} exited (${code}); see ${options.logFile}`));
        });
      }),
    signal: signalGroup,
    async stop(graceMs) {
      if (running) signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader may exit before its children: make sure nothing of the group survives.
      signalGroup("SIGKILL");
    },
  };
}

/** The `--import` argument that lets a child Node process run this package's TypeScript sources. */
export function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
}
