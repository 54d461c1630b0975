import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DevStack, findFreePort, startDevStack } from "@sketchreel/dev-stack";
import { Sketchreel, type Variant, type Video } from "@sketchreel/sdk";
import { probe } from "../harness/ffprobe.js";
import { type S3FaultProxy, startS3FaultProxy } from "../harness/s3-fault-proxy.js";
import { CheckFailed, check, type LogLine, type LogLines, logLines, until } from "./checks.js";
import { type ImageConfig, type RunningContainer, runContainer } from "./container.js";

/** DESIGN.md's example prompt (the seed's case 1). */
export const SEED_PROMPT =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";
/** The container runner's SHUTDOWN_GRACE_MS here: short, so that the hand-back is quick to see. */
const GRACE_MS = 1_000;
const IMAGE_PORT = 9464;
const RUNNER_UID = 10001;

/** What ffprobe decoded (every frame counted). */
export interface Probed {
  codec: string;
  width: number;
  height: number;
  frames: number;
}

export interface ScenarioResult {
  container: {
    runner_id: string;
    model: string;
    backend: string;
    init: string;
    init_pid_in_container: number;
    runner_uid: number;
    port: number;
    healthz: number;
    healthcheck_exit: number;
    ready_s: number;
  };
  job: { id: string; runner: string; seconds: number; mp4: Probed; webm: Probed };
  sigterm: {
    job_id: string;
    stage_at_signal: string;
    released_after_ms: number;
    exit_code: number;
    exited_after_ms: number;
    status_after_release: string;
    finished_by: string;
    succeeded_finishes: number;
    mp4: Probed;
  };
}

/**
 * The image against the local stack: the edge (workerd) and S3 (s3rver) run on the host, exactly as
 * `sketchreel dev` starts them; the only runner is the one inside the image. It must serve the
 * seed's example end to end, then, sent SIGTERM (to its PID 1, as `docker stop` does) in the middle
 * of a job, hand the job back within its grace period and exit 0, and a runner on the host must then
 * finish that job, once. The container's S3 traffic goes through a loopback proxy that can hold
 * uploads, so "mid-job" is certain rather than a race with a 0.1 s model.
 */
export async function runScenario(image: string, config: ImageConfig, note: (line: string) => void) {
  const stateDir = mkdtempSync(join(tmpdir(), "sketchreel-container-test-"));
  let stack: DevStack | undefined;
  let container: RunningContainer | undefined;
  let gate: S3FaultProxy | undefined;
  let holdUploads = false;
  try {
    stack = await startDevStack({
      runners: 0,
      stateDir,
      port: await findFreePort(),
      runnerEnv: { THREADS: "1", LEASE_WAIT_MS: "2000", HEARTBEAT_INTERVAL_MS: "500" },
    });
    note(`stack up: edge ${stack.info.apiUrl}, S3 ${stack.info.s3Endpoint}`);
    gate = await startS3FaultProxy(stack.info.s3Endpoint, () => (holdUploads ? "timeout" : "pass"), 600_000);
    const port = (await isFree(IMAGE_PORT)) ? IMAGE_PORT : await findFreePort();
    const started = performance.now();
    container = await runContainer(image, config, {
      EDGE_URL: stack.info.apiUrl,
      RUNNER_TOKEN: stack.info.runnerToken,
      S3_ENDPOINT: gate.endpoint,
      S3_BUCKET: stack.info.s3Bucket,
      S3_ACCESS_KEY_ID: stack.info.s3AccessKeyId,
      S3_SECRET_ACCESS_KEY: stack.info.s3SecretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      THREADS: "1",
      LEASE_WAIT_MS: "2000",
      HEARTBEAT_INTERVAL_MS: "500",
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      ...(port === IMAGE_PORT ? {} : { PORT: String(port) }),
    });
    const logs = logLines(container.onLine.bind(container), container.lines);
    const startedLine = await whileRunning(
      container,
      logs.waitFor((l) => l.msg === "runner started", 180_000, "'runner started'"),
    );
    const ready_s = Math.round((startedLine.receivedAt - started) / 100) / 10;
    const containerInfo = await checkRunningContainer(container, config, port, startedLine, logs);
    note(`runner up inside the image in ${ready_s} s: PID 1 ${containerInfo.init}, uid ${containerInfo.runner_uid}`);

    const client = new Sketchreel({ apiKey: stack.info.apiKey, baseUrl: stack.info.apiUrl });
    const job = await serveSeedExample(client, logs, stateDir);
    note(`seed example: ${job.id} by ${job.runner} in ${job.seconds} s; MP4 ${job.mp4.width}x${job.mp4.height}`);

    holdUploads = true;
    const sigterm = await sigtermMidJob(client, container, logs, stack, gate, stateDir);
    note(`SIGTERM mid-job: released after ${sigterm.released_after_ms} ms, exit ${sigterm.exit_code}`);
    return {
      container: { ...containerInfo, port, ready_s },
      job,
      sigterm,
    } satisfies ScenarioResult;
  } finally {
    await container?.remove();
    await stack?.stop();
    await gate?.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function checkRunningContainer(
  container: RunningContainer,
  config: ImageConfig,
  port: number,
  line: LogLine,
  logs: LogLines,
) {
  const loaded = logs.find((l) => l.msg === "model loaded");
  check(loaded?.model === "shape-world-tiny", "the runner did not load the embedded model from the image");
  const init = container.init();
  check(init.command[0] === config.Entrypoint[0], `PID 1 is ${init.command.join(" ")}, not the image's ENTRYPOINT`);
  const runner = container.processes().find((p) => p.command.includes("gpu-runner/bin/sketchreel-runner.mjs"));
  check(runner !== undefined, "no runner process in the container");
  check(runner!.uid === RUNNER_UID, `the runner runs as uid ${runner!.uid}, not ${RUNNER_UID}`);
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  check(health.status === 200, `/healthz answered ${health.status}`);
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  check(metrics.includes("sketchreel_runner_busy"), "/metrics has no sketchreel_runner_ metrics");
  const healthcheck = config.Healthcheck?.Test ?? [];
  check(healthcheck[0] === "CMD", "the image has no HEALTHCHECK");
  const healthcheckExit = await container.exec(healthcheck.slice(1));
  check(healthcheckExit === 0, `the image's HEALTHCHECK exited ${healthcheckExit}`);
  return {
    runner_id: String(line.runner_id),
    model: `${loaded.model}@${loaded.model_version} (${loaded.model_dir})`,
    backend: String(loaded.backend),
    init: init.command.join(" "),
    init_pid_in_container: init.pidInContainer,
    runner_uid: runner!.uid,
    healthz: health.status,
    healthcheck_exit: healthcheckExit,
  };
}

async function serveSeedExample(client: Sketchreel, logs: LogLines, dir: string) {
  const started = performance.now();
  const video = await client.videos.createAndWait(
    { prompt: SEED_PROMPT, seed: 1, outputs: ["mp4", "webm", "gif", "poster"] },
    { timeout: 120_000 },
  );
  check(video.status === "succeeded", `the seed example ended ${video.status}: ${JSON.stringify(video.error)}`);
  // The runner logs the outcome once the edge has taken the completion, so the line may trail the API.
  const finished = await logs.waitFor((l) => l.msg === "job finished" && l.job_id === video.id, 10_000, "finish");
  check(finished.outcome === "succeeded", `the container's runner logged the job ${finished.outcome}`);
  const mp4 = await download(client, video, "mp4", dir);
  check(mp4.codec === "h264" && mp4.frames === video.params.num_frames, `bad MP4: ${JSON.stringify(mp4)}`);
  const webm = await download(client, video, "webm", dir);
  check(webm.codec === "vp9" && webm.frames === video.params.num_frames, `bad WebM: ${JSON.stringify(webm)}`);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { id: video.id, runner: String(finished.runner_id), seconds, mp4, webm };
}

async function sigtermMidJob(
  client: Sketchreel,
  container: RunningContainer,
  logs: LogLines,
  stack: DevStack,
  gate: { injected: { timeout: number } },
  dir: string,
) {
  const video = await client.videos.create({
    prompt: SEED_PROMPT,
    seed: 2,
    num_inference_steps: 100,
    outputs: ["mp4"],
  });
  await whileRunning(
    container,
    logs.waitFor((l) => l.msg === "job started" && l.job_id === video.id, 60_000, "'job started'"),
  );
  // Denoised and encoded; the upload of video.mp4 is now held by the proxy: the job is in flight.
  await until(() => gate.injected.timeout > 0, 60_000, "the job's upload");
  const signalled = performance.now();
  process.kill(container.init().hostPid, "SIGTERM");
  const exitCode = await Promise.race([
    container.exited,
    new Promise<number>((_, reject) => setTimeout(() => reject(new Error("no exit 20 s after SIGTERM")), 20_000)),
  ]);
  const exitedAfter = Math.round(performance.now() - signalled);
  check(exitCode === 0, `the container exited ${exitCode} after SIGTERM`);
  check(logs.find((l) => l.msg === "signal received")?.signal === "SIGTERM", "the runner never saw the SIGTERM");
  const released = logs.find((l) => l.msg === "job released" && l.job_id === video.id);
  check(released?.released === true && released.code === "runner_shutdown", "the job was not handed back (released)");
  const releasedAfter = Math.round(released!.receivedAt - signalled);
  check(releasedAfter >= GRACE_MS - 50, `released after ${releasedAfter} ms, before its ${GRACE_MS} ms grace`);
  check(releasedAfter < GRACE_MS + 5_000, `released ${releasedAfter} ms after SIGTERM (grace ${GRACE_MS} ms)`);
  const afterRelease = await client.videos.get(video.id);
  check(afterRelease.status === "queued", `after the hand-back the job is ${afterRelease.status}, not queued`);

  const host = stack.addRunner();
  const hostLogs = logLines(host.onLine.bind(host), []);
  const final = await waitForTerminal(client, video.id, 120_000);
  check(final.status === "succeeded", `the handed-back job ended ${final.status}`);
  const hostFinish = await hostLogs.waitFor((l) => l.msg === "job finished" && l.job_id === video.id, 10_000, "finish");
  check(hostFinish.outcome === "succeeded", "the host runner did not finish the job");
  const finishes = [...logs.lines, ...hostLogs.lines].filter((l) => l.msg === "job finished" && l.job_id === video.id);
  const succeeded = finishes.filter((l) => l.outcome === "succeeded").length;
  check(succeeded === 1, `the job succeeded ${succeeded} times`);
  const mp4 = await download(client, final, "mp4", dir);
  check(mp4.codec === "h264" && mp4.frames === final.params.num_frames, `bad MP4: ${JSON.stringify(mp4)}`);
  return {
    job_id: video.id,
    stage_at_signal: "upload (denoised and encoded; video.mp4 held by the proxy)",
    released_after_ms: releasedAfter,
    exit_code: exitCode,
    exited_after_ms: exitedAfter,
    status_after_release: afterRelease.status,
    finished_by: String(hostFinish.runner_id),
    succeeded_finishes: succeeded,
    mp4,
  };
}

/** `promise`, unless the container exits first: then its last output says why. */
function whileRunning<T>(container: RunningContainer, promise: Promise<T>): Promise<T> {
  const exited = container.exited.then((code): never => {
    throw new CheckFailed(`the container exited (${code}):\n${container.lines.slice(-30).join("\n")}`);
  });
  return Promise.race([promise, exited]);
}

async function download(client: Sketchreel, video: Video, variant: Variant, dir: string): Promise<Probed> {
  const res = await client.videos.content(video.id, { variant });
  check(res.ok, `GET content ${variant}: HTTP ${res.status}`);
  const path = join(dir, `${video.id}.${variant}`);
  writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
  const { codec_name, width, height, frames } = await probe(path);
  return { codec: codec_name, width, height, frames };
}

async function waitForTerminal(client: Sketchreel, id: string, timeoutMs: number): Promise<Video> {
  let video = await client.videos.get(id);
  await until(
    async () => {
      video = await client.videos.get(id);
      return ["succeeded", "failed", "canceled"].includes(video.status);
    },
    timeoutMs,
    `job ${id} to finish`,
  );
  return video;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
