import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DevInfo } from "@sketchreel/dev-stack";
import { findFreePort as freePort } from "@sketchreel/dev-stack";
import { Sketchreel } from "@sketchreel/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { probe } from "../harness/ffprobe.js";
import { testModelDir } from "../harness/model.js";
import { descendants, waitUntilGone } from "../harness/processes.js";

// The two commands a newcomer runs, as real processes: `sketchreel dev` and `sketchreel quickstart`.
const CLI = createRequire(import.meta.url).resolve("@sketchreel/cli/bin/sketchreel.mjs");
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sketchreel(args: string[], cwd: string) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitForStdout(run: ReturnType<typeof sketchreel>, pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.out())) {
    if (Date.now() > deadline) throw new Error(`timed out; stderr:\n${run.err()}`);
    if (run.child.exitCode !== null) throw new Error(`exited ${run.child.exitCode}; stderr:\n${run.err()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const readyLine = /^Sketchreel API ready at (http:\/\/127\.0\.0\.1:\d+)/m;

describe("sketchreel dev", () => {
  it("starts S3, the edge and runners, writes dev.json, and SIGTERM leaves no process behind", async () => {
    const cwd = tempDir("sketchreel-dev-");
    const port = await freePort();
    const run = sketchreel(["dev", "--port", String(port), "--runners", "2", "--model", testModelDir()], cwd);
    await waitForStdout(run, readyLine, 150_000);
    expect(run.out().match(readyLine)?.[1]).toBe(`http://127.0.0.1:${port}`);

    const info = JSON.parse(readFileSync(join(cwd, ".sketchreel", "dev.json"), "utf8")) as DevInfo;
    expect(info).toMatchObject({ apiUrl: `http://127.0.0.1:${port}`, s3Bucket: "sketchreel" });
    expect(info.runners).toHaveLength(2);
    const client = new Sketchreel({ apiKey: info.apiKey, baseUrl: info.apiUrl });
    expect((await client.usage.get()).tenant_id).toBe("dev");
    const bucket = await fetch(`${info.s3Endpoint}/${info.s3Bucket}?list-type=2`);
    expect(bucket.status).not.toBe(404); // the bucket exists (unsigned listing: 403 or 200)
    const admin = await fetch(`${info.apiUrl}/admin/v1/keys/key_doesnotexist`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${info.adminToken}` },
    });
    expect(admin.status).toBe(404); // authenticated: a wrong token is 401

    const children = descendants(run.child.pid!);
    expect(children).toEqual(expect.arrayContaining([info.edgePid, ...info.runners.map((r) => r.pid)]));
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(await waitUntilGone(children)).toEqual([]);
  });

  it("keeps tokens and API key across restarts of one state directory; SIGINT leaves no process behind", async () => {
    const cwd = tempDir("sketchreel-dev-restart-");
    const start = async (signal: NodeJS.Signals, json = false) => {
      const args = ["dev", "--port", String(await freePort()), "--runners", "0", "--state", "st"];
      const run = sketchreel(json ? [...args, "--json"] : args, cwd);
      await waitForStdout(run, json ? /^\{"ready":true.*\}\n/ : readyLine, 150_000);
      const info = JSON.parse(readFileSync(join(cwd, "st", "dev.json"), "utf8")) as DevInfo;
      if (json) {
        // One JSON line: dev.json's fields without its secrets, and where dev.json is.
        const ready = JSON.parse(run.out());
        expect(ready).toMatchObject({
          ready: true,
          apiUrl: info.apiUrl,
          edgePid: info.edgePid,
          devJson: join(cwd, "st", "dev.json"),
        });
        for (const secret of ["apiKey", "adminToken", "runnerToken", "webhookSecret", "s3SecretAccessKey"]) {
          expect(ready).not.toHaveProperty(secret);
        }
      }
      const children = descendants(run.child.pid!);
      expect(children).toContain(info.edgePid);
      run.child.kill(signal);
      expect(await run.exited).toBe(0);
      expect(await waitUntilGone(children)).toEqual([]);
      return info;
    };
    const first = await start("SIGINT");
    const second = await start("SIGTERM", true);
    expect(second.apiKey).toBe(first.apiKey);
    expect(second.adminToken).toBe(first.adminToken);
    expect(second.runnerToken).toBe(first.runnerToken);
  });

  it("leaves no process behind when it is SIGKILLed, and the next start on the same port succeeds", async () => {
    const cwd = tempDir("sketchreel-dev-kill-");
    const port = await freePort();
    const args = ["dev", "--port", String(port), "--runners", "1", "--model", testModelDir()];
    const run = sketchreel(args, cwd);
    await waitForStdout(run, readyLine, 150_000);
    const info = JSON.parse(readFileSync(join(cwd, ".sketchreel", "dev.json"), "utf8")) as DevInfo;
    const children = descendants(run.child.pid!);
    expect(children).toEqual(expect.arrayContaining([info.edgePid, info.runners[0]!.pid]));
    run.child.kill("SIGKILL");
    await run.exited;
    // The children watch their parent: the edge disposes workerd, the runner drains, all exit.
    expect(await waitUntilGone(children, 30_000)).toEqual([]);

    const again = sketchreel(args, cwd);
    await waitForStdout(again, readyLine, 150_000);
    const client = new Sketchreel({ apiKey: info.apiKey, baseUrl: info.apiUrl });
    expect((await client.usage.get()).tenant_id).toBe("dev"); // the new edge, with the kept tokens
    const next = descendants(again.child.pid!);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
    expect(await waitUntilGone(next)).toEqual([]);
  });

  it("refuses a port that is already taken, naming it, before starting anything", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as AddressInfo).port)),
    );
    try {
      const cwd = tempDir("sketchreel-dev-taken-");
      const run = sketchreel(["dev", "--port", String(port), "--runners", "0"], cwd);
      expect(await run.exited).toBe(1);
      expect(run.err()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(existsSync(join(cwd, ".sketchreel", "dev.json"))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("refuses bad flags with usage and exit code 2", async () => {
    const run = sketchreel(["dev", "--runners", "many"], tempDir("sketchreel-dev-bad-"));
    expect(await run.exited).toBe(2);
    expect(run.err()).toContain("--runners must be an integer");
  });
});

describe("sketchreel quickstart", () => {
  it("boots the stack, generates through the SDK, saves MP4 + GIF, prints the embed URL and exits", async () => {
    const cwd = tempDir("sketchreel-quickstart-");
    const run = sketchreel(
      ["quickstart", "--model", testModelDir(), "--steps", "2", "--port", String(await freePort())],
      cwd,
    );
    const code = await run.exited;
    expect(code, run.err()).toBe(0);
    expect(run.out()).toMatch(/embed http:\/\/127\.0\.0\.1:\d+\/embed\/shr_\w+/);
    expect(run.err()).toMatch(/\] 100% succeeded · done/);
    const files = readdirSync(join(cwd, "out")).sort();
    expect(files.map((f) => f.split(".").pop())).toEqual(["gif", "mp4"]);
    const mp4 = await probe(join(cwd, "out", files[1]!));
    expect(mp4).toMatchObject({ codec_name: "h264", frames: 16 });
    expect(existsSync(join(cwd, ".sketchreel", "dev.json"))).toBe(true);
  });

  it("--json prints one JSON object at the end: the video, the files, the embed URL, the timings", async () => {
    const cwd = tempDir("sketchreel-quickstart-json-");
    const args = ["quickstart", "--model", testModelDir(), "--steps", "2", "--seed", "5", "--json"];
    const run = sketchreel([...args, "--port", String(await freePort())], cwd);
    expect(await run.exited, run.err()).toBe(0);
    const lines = run.out().trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report).toMatchObject({
      video: { id: expect.stringMatching(/^vid_/), status: "succeeded", seed: 5, params: { num_inference_steps: 2 } },
      embed_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/embed\/shr_\w+$/),
    });
    expect(report.files.map((f: { variant: string }) => f.variant)).toEqual(["mp4", "gif"]);
    expect(report.files[0].path).toBe(join(cwd, "out", `${report.video.id}.mp4`));
    expect(await probe(report.files[0].path)).toMatchObject({ codec_name: "h264", frames: 16 });
    for (const part of ["stack", "generate", "download", "total"]) expect(report.timings_ms[part]).toBeGreaterThan(0);
  });
});
