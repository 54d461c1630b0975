import { execFile } from "node:child_process";

/** The host tools the container test drives, with the Debian package that has each. */
const TOOLS = {
  buildah: "buildah",
  runc: "runc",
  debootstrap: "debootstrap",
  ffprobe: "ffmpeg",
  tar: "tar",
} as const;

export interface Ran {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects with its stderr when it exits non-zero. */
export function exec(command: string, args: string[], options: { timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 0, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) {
          const shown = [command, ...args].join(" ");
          reject(new Error(`${shown} failed (${error.code ?? error.signal}):\n${stderr.trim() || stdout.trim()}`));
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

/** Fails early, naming every missing tool and the packages to install, unless running as root with all of them. */
export async function checkPrerequisites(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error("the container test needs root (debootstrap, and buildah with its default rootful storage)");
  }
  const missing: string[] = [];
  for (const tool of Object.keys(TOOLS) as (keyof typeof TOOLS)[]) {
    try {
      await exec("sh", ["-c", `command -v ${tool}`]);
    } catch {
      missing.push(tool);
    }
  }
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((tool) => TOOLS[tool as keyof typeof TOOLS]))].join(" ");
    throw new Error(`missing ${missing.join(", ")}: apt-get install -y ${packages}`);
  }
}

/** Seconds since `start` (a `performance.now()` value), one decimal. */
export function secondsSince(start: number): number {
  return Math.round((performance.now() - start) / 100) / 10;
}
