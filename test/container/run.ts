/**
 * `npm run test:container`: gpu-runner/Dockerfile built and run for real, on this machine.
 *
 *   1. bases     the local stand-ins for debian:bookworm-slim and node:*-bookworm-slim (debootstrap,
 *                cached under .sketchreel/container-cache/)
 *   2. build     the CPU image with buildah, from the repository root, only those two bases swapped in
 *   3. contents  size (budget below), where it goes, and what must and must not be inside
 *   4. run       the local stack's edge and S3 on the host, the runner inside the image: the seed's
 *                example through the SDK, MP4 and WebM checked with ffprobe, then SIGTERM to the
 *                container's PID 1 mid-job: handed back, exit 0, finished once by a host runner
 *
 * Progress goes to stderr; the last line on stdout is one JSON object with the results and timings.
 * `--cold` first drops the cached base, the local images and the layer cache (a first run's cost).
 * Needs root, buildah, runc, debootstrap and ffprobe (apt-get install buildah runc debootstrap ffmpeg).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBaseImages, LOCAL_BASE_IMAGE, localNodeImage } from "./base-images.js";
import { buildRunnerImage } from "./build-image.js";
import { check } from "./checks.js";
import { checkPrerequisites, exec, secondsSince } from "./commands.js";
import { inspectImage } from "./container.js";
import { inspectImageContents } from "./image-contents.js";
import { runScenario } from "./scenario.js";

/** The CPU image's size budget (issue 19), in MB as `buildah images` counts them. */
const SIZE_BUDGET_MB = 700;
const IMAGE = "localhost/sketchreel-runner:cpu-test";
/** Ends a run that hangs (a stuck build or container) instead of waiting forever. */
const WATCHDOG_MS = 20 * 60_000;

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = join(repoRoot, ".sketchreel", "container-cache");
const cold = process.argv.includes("--cold");
const note = (line: string) => process.stderr.write(`[container] ${line}\n`);

async function main() {
  const started = performance.now();
  await checkPrerequisites();
  if (cold) await dropCaches();

  note("1/4 base images");
  const bases = await ensureBaseImages(cacheDir, note);

  note("2/4 build gpu-runner/Dockerfile");
  const build = await buildRunnerImage({
    repoRoot,
    tag: IMAGE,
    buildArgs: { NODE_IMAGE: bases.node, BASE_IMAGE: bases.base },
    noCache: cold,
    note,
  });
  note(`built ${IMAGE} in ${build.seconds} s (${build.cachedSteps} steps from the layer cache)`);

  note("3/4 image contents");
  const contents = await inspectImageContents(IMAGE, bases.base);
  note(`size ${contents.size}: ${JSON.stringify(contents.breakdown_mb)}`);
  check(contents.problems.length === 0, `the image is wrong:\n  ${contents.problems.join("\n  ")}`);
  // `buildah images` counts the layers as stored (a little more than the files in them).
  const sizeMb = Math.max(parseSize(contents.size), Math.round(contents.bytes / 100_000) / 10);
  check(sizeMb <= SIZE_BUDGET_MB, `the image is ${contents.size}, over its ${SIZE_BUDGET_MB} MB budget`);

  note("4/4 the runner inside the image against the local stack");
  const runStarted = performance.now();
  const scenario = await runScenario(IMAGE, await inspectImage(IMAGE), note);

  const result = {
    ok: true,
    cold,
    image: IMAGE,
    size: contents.size,
    files_mb: Math.round(contents.bytes / 100_000) / 10,
    size_budget_mb: SIZE_BUDGET_MB,
    breakdown_mb: contents.breakdown_mb,
    largest_packages_mb: contents.largest_packages_mb,
    timings_s: {
      bases: bases.seconds,
      build: build.seconds,
      run: secondsSince(runStarted),
      total: secondsSince(started),
    },
    cache: { ...bases.cached, build_steps_cached: build.cachedSteps },
    ...scenario,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** "576 MB" → 576 (buildah's sizes are decimal). */
function parseSize(text: string): number {
  const match = text.match(/^([\d.]+)\s*(kB|MB|GB)$/);
  check(match !== null, `unexpected image size "${text}"`);
  return Number(match[1]) * { kB: 0.001, MB: 1, GB: 1000 }[match[2] as "kB" | "MB" | "GB"];
}

/** Forgets everything a previous run left: the debootstrap tarball, the local images, the layer cache. */
async function dropCaches() {
  note("--cold: dropping the cached base, the local images and the build cache");
  rmSync(cacheDir, { recursive: true, force: true });
  for (const image of [IMAGE, localNodeImage(), LOCAL_BASE_IMAGE]) {
    await exec("buildah", ["rmi", "--force", image]).catch(() => {});
  }
}

const watchdog = setTimeout(() => {
  note(`no result after ${WATCHDOG_MS / 60_000} minutes; giving up`);
  process.exit(1);
}, WATCHDOG_MS);
main().then(
  () => {
    clearTimeout(watchdog);
    // The proxy's held upload keeps a timer; nothing else is left to wait for.
    process.exit(0);
  },
  (error: unknown) => {
    note(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.name !== "CheckFailed" && error.stack) note(error.stack);
    process.stdout.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
    process.exit(1);
  },
);
