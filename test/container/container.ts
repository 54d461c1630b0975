import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { exec } from "./commands.js";

/** The parts of an image's configuration that `docker run` would use. */
export interface ImageConfig {
  User: string;
  Env: string[];
  Entrypoint: string[];
  Cmd?: string[];
  WorkingDir: string;
  ExposedPorts?: Record<string, unknown>;
  StopSignal?: string;
  Healthcheck?: { Test: string[] };
}

export async function inspectImage(image: string): Promise<ImageConfig> {
  const { stdout } = await exec("buildah", ["inspect", "--type", "image", image]);
  const parsed = JSON.parse(stdout) as {
    OCIv1: { config: ImageConfig };
    Docker: { config: { Healthcheck?: { Test: string[] }; StopSignal?: string } };
  };
  // HEALTHCHECK exists in the Docker image format only (the build uses --format docker).
  const { Healthcheck, StopSignal } = parsed.Docker.config;
  return { ...parsed.OCIv1.config, StopSignal: StopSignal ?? parsed.OCIv1.config.StopSignal, Healthcheck };
}

export interface ProcessInfo {
  hostPid: number;
  /** The pid inside the container's PID namespace (1 for its init). */
  pidInContainer: number;
  uid: number;
  command: string[];
}

export interface RunningContainer {
  name: string;
  /** Settles with the exit code of the container's main process. */
  exited: Promise<number>;
  lines: string[];
  onLine(listener: (line: string) => void): void;
  /** The container's PID 1 as the host sees it (what `docker stop` signals). */
  init(): ProcessInfo;
  /** Every process of the container. */
  processes(): ProcessInfo[];
  /** Runs another command in the same container (its own runc instance, same file system and network). */
  exec(command: string[]): Promise<number>;
  /** SIGKILLs whatever is left and removes the container. */
  remove(): Promise<void>;
}

/**
 * Runs an image the way `docker run --network host -e …` does, with the tools this machine has:
 * `buildah from` + `buildah run` on the runc OCI runtime (its own PID, mount, IPC and UTS
 * namespaces, so the image's ENTRYPOINT really is PID 1), as the image's USER, in its WORKDIR,
 * with its ENV plus `env`. The host network lets it reach the edge and S3 on 127.0.0.1.
 * (This sandbox refuses `podman run` and buildah's default runtime, crun; runc works.)
 */
export async function runContainer(
  image: string,
  config: ImageConfig,
  env: Record<string, string>,
): Promise<RunningContainer> {
  const name = (
    await exec("buildah", ["from", "--pull=never", "--name", `sketchreel-runner-test-${process.pid}`, image])
  ).stdout.trim();
  const runArgs = (command: string[]) => [
    "run",
    "--runtime",
    "runc",
    "--network",
    "host",
    ...Object.entries(env).flatMap(([key, value]) => ["--env", `${key}=${value}`]),
    name,
    "--",
    ...command,
  ];
  const child = spawn("buildah", runArgs([...config.Entrypoint, ...(config.Cmd ?? [])]), {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))),
  );
  followLines(child, (line) => {
    lines.push(line);
    for (const listener of listeners) listener(line);
  });

  const processes = () => containerProcesses(child.pid!);
  return {
    name,
    exited,
    lines,
    onLine: (listener) => listeners.push(listener),
    init() {
      const init = processes().find((p) => p.pidInContainer === 1);
      if (!init) throw new Error("the container has no PID 1 (has it exited?)");
      return init;
    },
    processes,
    async exec(command) {
      const probe = spawn("buildah", runArgs(command), { stdio: "ignore" });
      return new Promise((resolve) => probe.once("exit", (code) => resolve(code ?? 1)));
    },
    async remove() {
      for (const p of processes()) signalQuietly(p.hostPid, "SIGKILL");
      signalQuietly(child.pid!, "SIGKILL");
      await exited;
      await exec("buildah", ["rm", name]).catch(() => {});
    },
  };
}

function followLines(child: ChildProcess, onLine: (line: string) => void) {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const part of parts) onLine(part);
    });
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}

/** Descendants of `ancestor` that live in a PID namespace of their own (runc's container processes). */
function containerProcesses(ancestor: number): ProcessInfo[] {
  const table = new Map<number, { ppid: number; nspid: number[]; uid: number; command: string[] }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const field = (key: string) => status.match(new RegExp(`^${key}:\\s*(.*)$`, "m"))?.[1] ?? "";
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      table.set(Number(entry), {
        ppid: Number(field("PPid")),
        nspid: field("NSpid").split(/\s+/).map(Number),
        uid: Number(field("Uid").split(/\s+/)[1]), // effective uid
        command,
      });
    } catch {
      // exited while listing
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let current = table.get(pid)?.ppid; current; current = table.get(current)?.ppid) {
      if (current === ancestor) return true;
    }
    return false;
  };
  return [...table.entries()]
    .filter(([pid, p]) => p.nspid.length > 1 && isDescendant(pid))
    .map(([pid, p]) => ({ hostPid: pid, pidInContainer: p.nspid.at(-1)!, uid: p.uid, command: p.command }));
}
