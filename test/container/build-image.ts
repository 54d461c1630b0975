import { spawn } from "node:child_process";
import { secondsSince } from "./commands.js";

export interface BuildOptions {
  repoRoot: string;
  tag: string;
  /** Build arguments of gpu-runner/Dockerfile (NODE_IMAGE, BASE_IMAGE, …). */
  buildArgs: Record<string, string>;
  /** Rebuild every layer (a cold build). */
  noCache: boolean;
  note: (line: string) => void;
}

/**
 * `docker build -f gpu-runner/Dockerfile .` with buildah: RUN steps in chroot isolation (what this
 * sandbox allows; they reach the npm registry and the apt archive through the host's network),
 * layers cached between runs, Docker image format (it keeps HEALTHCHECK), never pulling.
 * Prints each step as it starts; on failure the error carries the end of the log.
 */
export function buildRunnerImage(options: BuildOptions): Promise<{ seconds: number; cachedSteps: number }> {
  const started = performance.now();
  const args = [
    "build",
    "--layers",
    "--format=docker",
    "--isolation=chroot",
    "--pull=never",
    ...(options.noCache ? ["--no-cache"] : []),
    "--file=gpu-runner/Dockerfile",
    "--ignorefile=gpu-runner/Dockerfile.dockerignore",
    ...Object.entries(options.buildArgs).map(([key, value]) => `--build-arg=${key}=${value}`),
    `--tag=${options.tag}`,
    ".",
  ];
  const child = spawn("buildah", args, { cwd: options.repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  let cachedSteps = 0;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (/^\[\d+\/\d+\] STEP /.test(line)) options.note(line.length > 140 ? `${line.slice(0, 137)}...` : line);
        if (line.startsWith("--> Using cache")) cachedSteps++;
      }
    });
  }
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve({ seconds: secondsSince(started), cachedSteps });
      else reject(new Error(`buildah build failed (${code}):\n${tail.join("\n")}`));
    });
  });
}
