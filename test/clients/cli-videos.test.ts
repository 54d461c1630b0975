import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Sketchreel, type Video } from "@sketchreel/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { media } from "../support/media.js";
import { type ClientStack, startClientStack } from "../support/stack.js";

// `sketchreel videos …` and `sketchreel models --remote` as real processes, against the real edge in
// workerd and the lease-protocol runner (which uploads support/media.ts's renditions).
const CLI = createRequire(import.meta.url).resolve("@sketchreel/cli/bin/sketchreel.mjs");
const PROMPT = "A yellow ball rolls from the left edge to the center while a blue cube stays on the right";

let stack: ClientStack;
let apiKey: string;
let client: Sketchreel;
const out = mkdtempSync(join(tmpdir(), "sketchreel-cli-videos-"));

beforeAll(async () => {
  stack = await startClientStack({ runner: { stepDelayMs: 40 } });
  apiKey = await stack.edge.createKey();
  client = new Sketchreel({ apiKey, baseUrl: stack.edge.url });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(out, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI with the API configured the usual way, through the environment (`env` adds or removes). */
function sketchreel(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    SKETCHREEL_API_KEY: apiKey,
    SKETCHREEL_BASE_URL: stack.edge.url,
    ...env,
  };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: out, env: environment }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("sketchreel videos against the real edge", () => {
  it("create --wait -o: waits for the video, prints its JSON and downloads the MP4 byte for byte", async () => {
    const run = await sketchreel(["videos", "create", PROMPT, "--seed", "7", "--wait", "-o", "clip.mp4", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const video = JSON.parse(run.stdout) as Video;
    expect(video).toMatchObject({ object: "video", status: "succeeded", prompt: PROMPT, params: { seed: 7 } });
    expect(new Uint8Array(readFileSync(join(out, "clip.mp4")))).toEqual(media().mp4.bytes);
  });

  it("create without --wait prints the id at once; get --wait follows it to the end", async () => {
    const created = await sketchreel(["videos", "create", "a red ball falls", "--steps", "4"]);
    expect(created.code, created.stderr).toBe(0);
    const id = /^(vid_\w+) (queued|running) \(follow it: sketchreel videos get vid_\w+ --wait\)\n$/.exec(
      created.stdout,
    )?.[1];
    expect(id, created.stdout).toBeDefined();
    const waited = await sketchreel(["videos", "get", id!, "--wait"]);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toMatch(new RegExp(`^${id} succeeded · seed \\d+ · 64x64 · 16 frames at 8 fps · 4 steps\\n`));
    expect(waited.stdout).toContain(`  prompt  "a red ball falls"\n`);
    expect(waited.stdout).toMatch(/^ {2}embed {3}http:\/\/127\.0\.0\.1:\d+\/embed\/shr_\w+$/m);

    const list = await sketchreel(["videos", "list", "--limit", "1", "--json"]);
    expect(JSON.parse(list.stdout)).toMatchObject({ object: "list", data: [{ id }], has_more: true });
    const lines = await sketchreel(["videos", "list", "--status", "succeeded"]);
    expect(lines.stdout).toMatch(new RegExp(`^${id} {2}succeeded {2}`, "m"));

    const gif = await sketchreel(["videos", "download", id!, "--variant", "gif", "--json"]);
    expect(gif.code, gif.stderr).toBe(0);
    expect(JSON.parse(gif.stdout)).toMatchObject({
      id,
      variant: "gif",
      path: join(out, `${id}.gif`),
      content_type: "image/gif",
    });
    expect(new Uint8Array(readFileSync(join(out, `${id}.gif`)))).toEqual(media().gif.bytes);
  });

  it("cancel stops a running video; waiting for it then fails with exit 1; delete removes it", async () => {
    const queued = await client.videos.create({
      prompt: "a green square rises from the bottom edge",
      num_inference_steps: 50,
    });
    const canceled = await sketchreel(["videos", "cancel", queued.id, "--json"]);
    expect(canceled.code, canceled.stderr).toBe(0);
    expect(JSON.parse(canceled.stdout).id).toBe(queued.id);
    const waited = await sketchreel(["videos", "get", queued.id, "--wait"]);
    expect(waited.code).toBe(1);
    expect(waited.stderr).toBe(`sketchreel videos get: video ${queued.id} canceled\n`);

    const deleted = await sketchreel(["videos", "delete", queued.id, "--json"]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({ id: queued.id, deleted: true });
    const gone = await sketchreel(["videos", "get", queued.id]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/^sketchreel videos get: video not found \(404 not_found, request \S+\)\n$/);
  });

  it("refuses a prompt the model cannot draw: exit 2, the API's words and request id, as JSON too", async () => {
    const run = await sketchreel(["videos", "create", "a cat jumps over a dog"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^sketchreel videos create: .+ \(422 prompt_out_of_vocabulary, request \S+\)\n/);
    expect(run.stderr).toContain('  prompt: "jumps" is not a word the model knows');
    const json = await sketchreel(["videos", "create", "a cat jumps over a dog", "--json"]);
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stdout);
    expect(error).toMatchObject({ status: 422, code: "prompt_out_of_vocabulary", request_id: expect.any(String) });
    expect(error.errors.map((e: { word: string }) => e.word)).toEqual(["cat", "jumps", "over", "dog"]);
  });

  it("names a missing setting (exit 2), and a key the API refuses (exit 1)", async () => {
    const missing = await sketchreel(["videos", "list"], { SKETCHREEL_API_KEY: undefined });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("SKETCHREEL_API_KEY is required");
    const refused = await sketchreel(["videos", "list", "--api-key", "sr_test_not_a_key"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^sketchreel videos list: .+ \(401 unauthorized, request \S+\)\n$/);
  });
});

describe("sketchreel models --remote", () => {
  it("prints what the API serves, as the SDK reads it", async () => {
    const run = await sketchreel(["models", "--remote", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ object: "list", data: (await client.models.list()).data });
    const one = await sketchreel(["models", "shape-world-tiny", "--remote"]);
    expect(one.stdout).toMatch(/^shape-world-tiny \S+ \(default\)\n/);
  });
});
