import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { exec } from "./commands.js";

const MB = 1_000_000; // as `buildah images` counts

export interface ImageReport {
  /** What `buildah images` says. */
  size: string;
  /** Bytes of every file of the root file system (hard links once). */
  bytes: number;
  /** Where the space goes, in MB; the parts add up to `bytes`. */
  breakdown_mb: Record<string, number>;
  /** The largest Debian packages the Dockerfile adds to the base, in MB. */
  largest_packages_mb: Record<string, number>;
  /** What the image must and must not hold; empty when it is right. */
  problems: string[];
}

/** Node modules and workspaces that only a developer runs: none may be in the runner image. */
const DEV_ONLY = [
  "app/node_modules/vitest",
  "app/node_modules/typescript",
  "app/node_modules/@biomejs",
  "app/node_modules/turbo",
  "app/node_modules/wrangler",
  "app/node_modules/playwright-core",
  "app/node_modules/@20minutes",
  "app/packages/cli",
  "app/packages/dev-stack",
  "app/packages/figma-plugin",
];
const TRAINING_FILE = /\.(pt|pth|ckpt|safetensors|npz|npy)$|\.test\.ts$/;

/** Mounts the image and its base read-only, measures where the space goes and checks what is inside. */
export async function inspectImageContents(image: string, baseImage: string): Promise<ImageReport> {
  const size = (await exec("buildah", ["images", "--format", "{{.Size}}", image])).stdout.trim().split("\n")[0] ?? "";
  return withMounted(image, async (root) => {
    const basePackages = await withMounted(baseImage, async (baseRoot) => installedPackages(baseRoot));
    const added = installedPackages(root).filter((p) => !basePackages.includes(p));
    const seen = new Set<string>();
    const packageBytes = Object.fromEntries(added.map((p) => [p, filesBytes(root, packageFiles(root, p), seen)]));
    const total = treeBytes(root, "");
    const onnxruntime =
      treeBytes(root, "app/node_modules/onnxruntime-node") + treeBytes(root, "app/node_modules/onnxruntime-common");
    const nodeModules = treeBytes(root, "app/node_modules");
    const model = treeBytes(root, "app/gpu-runner/models");
    const parts = {
      "node binary (/usr/local/bin/node)": treeBytes(root, "usr/local/bin/node"),
      "onnxruntime-node (linux x64 only)": onnxruntime,
      "other node_modules (production only)": nodeModules - onnxruntime,
      "embedded model (gpu-runner/models)": model,
      "runner + workspace sources (TypeScript)": treeBytes(root, "app") - nodeModules - model,
      [`ffmpeg, tini, ca-certificates + libraries (${added.length} Debian packages)`]: sum(Object.values(packageBytes)),
    };
    const breakdown = { ...parts, "Debian base (bookworm-slim)": total - sum(Object.values(parts)) };
    const largest = Object.entries(packageBytes)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    return {
      size,
      bytes: total,
      breakdown_mb: mapValues(breakdown, toMb),
      largest_packages_mb: mapValues(Object.fromEntries(largest), toMb),
      problems: contentProblems(root),
    };
  });
}

function contentProblems(root: string): string[] {
  const problems: string[] = [];
  const must = ["usr/local/bin/node", "usr/bin/tini", "usr/bin/ffmpeg", "app/gpu-runner/bin/sketchreel-runner.mjs"];
  must.push("app/gpu-runner/models/shape-world-tiny/model_index.json");
  for (const path of must) if (!existsSync(join(root, path))) problems.push(`missing /${path}`);
  for (const path of DEV_ONLY)
    if (existsSync(join(root, path))) problems.push(`developer-only /${path} is in the image`);
  for (const path of walk(root, "app")) {
    if (path.includes("/node_modules/")) continue;
    if (TRAINING_FILE.test(path) || path.includes("/training/")) problems.push(`not for the image: /${path}`);
  }
  if (lstatSync(join(root, "app/gpu-runner")).uid !== 0) problems.push("/app is not owned by root");
  return problems;
}

async function withMounted<T>(image: string, use: (root: string) => Promise<T>): Promise<T> {
  const container = (await exec("buildah", ["from", "--pull=never", image])).stdout.trim();
  try {
    const root = (await exec("buildah", ["mount", container])).stdout.trim();
    return await use(root);
  } finally {
    await exec("buildah", ["rm", container]).catch(() => {});
  }
}

function installedPackages(root: string): string[] {
  const status = readFileSync(join(root, "var/lib/dpkg/status"), "utf8");
  return status
    .split("\n\n")
    .filter((block) => /^Status: install ok installed$/m.test(block))
    .map((block) => block.match(/^Package: (.+)$/m)?.[1] ?? "")
    .filter(Boolean);
}

function packageFiles(root: string, name: string): string[] {
  const info = join(root, "var/lib/dpkg/info");
  for (const list of [`${name}.list`, `${name}:amd64.list`, `${name}:arm64.list`]) {
    if (existsSync(join(info, list))) return readFileSync(join(info, list), "utf8").split("\n").filter(Boolean);
  }
  return [];
}

/** Bytes of the regular files among `paths` (absolute in the image), each inode once across calls with `seen`. */
function filesBytes(root: string, paths: string[], seen: Set<string>): number {
  let bytes = 0;
  for (const path of paths) {
    try {
      const stat = lstatSync(join(root, path));
      if (!stat.isFile() || seen.has(`${stat.dev}:${stat.ino}`)) continue;
      seen.add(`${stat.dev}:${stat.ino}`);
      bytes += stat.size;
    } catch {
      // a directory entry or a file removed after installation
    }
  }
  return bytes;
}

/** Bytes of the regular files under `path` (hard links counted once within the tree). */
function treeBytes(root: string, path: string): number {
  const inodes = new Set<string>();
  let bytes = 0;
  for (const file of walk(root, path)) {
    const stat = lstatSync(join(root, file));
    if (!stat.isFile() || inodes.has(`${stat.dev}:${stat.ino}`)) continue;
    inodes.add(`${stat.dev}:${stat.ino}`);
    bytes += stat.size;
  }
  return bytes;
}

/** Every path under `path` (relative to `root`), not following symbolic links, skipping /proc and /sys. */
function* walk(root: string, path: string): Generator<string> {
  const stat = lstatSync(join(root, path));
  if (!stat.isDirectory()) {
    yield path;
    return;
  }
  if (path === "proc" || path === "sys") return;
  for (const entry of readdirSync(join(root, path))) yield* walk(root, path ? `${path}/${entry}` : entry);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const toMb = (bytes: number) => Math.round(bytes / (MB / 10)) / 10;
const mapValues = (record: Record<string, number>, f: (v: number) => number) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
