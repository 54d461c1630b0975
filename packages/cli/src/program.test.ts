import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sketchreelInProcess as run } from "../test/in-process.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const COMMANDS = ["generate", "models", "eval", "videos", "notion", "dev", "quickstart", "runner"];
const VIDEOS = ["create", "get", "list", "cancel", "delete", "download"];

describe("sketchreel --help, --version and usage errors (commander)", () => {
  it("lists every command with its summary", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const name of COMMANDS) expect(stdout).toMatch(new RegExp(`^ {2}${name}\\b.* {2}\\w.+`, "m"));
    expect(stdout).toContain("generate a clip in-process from a prompt");
    expect(stdout).toContain("create, get, list, cancel, delete and download");
  });

  it.each([...COMMANDS.filter((c) => c !== "runner"), ...VIDEOS.map((v) => `videos ${v}`)])(
    "`%s --help` shows the usage, the options and examples",
    async (name) => {
      const { code, stdout } = await run([...name.split(" "), "--help"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: sketchreel ${name} `));
      expect(stdout).toContain("Options:");
      expect(stdout).toContain("Examples:");
    },
  );

  it("prints the package's version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect((await run(["-v"])).stdout).toBe(`${version}\n`);
  });

  it("suggests the command meant by a typo, exit 2", async () => {
    const { code, stderr, stdout } = await run(["genrate", "a red ball falls"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: unknown command 'genrate'\n(Did you mean generate?)\n");
    expect((await run(["videos", "lsit"])).stderr).toContain("(Did you mean list?)");
  });

  it("suggests the flag meant by a typo and shows the usage, exit 2, never a stack trace", async () => {
    for (const argv of [
      ["generate", "a red ball falls", "--sed", "3", "-o", "x.mp4"],
      ["notion", "add", "--pgae", "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "--video", "vid_x"],
      ["videos", "list", "--limt", "3"],
    ]) {
      const { code, stderr } = await run(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toMatch(/^error: unknown option '--\w+'\n\(Did you mean --\w+\?\)\nUsage: sketchreel /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("refuses a missing argument, a bad choice or a bad value with the usage, exit 2", async () => {
    const missing = await run(["generate"]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("missing required argument 'prompt'") });
    const choice = await run(["videos", "download", "vid_x", "--variant", "mov"]);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain("Allowed choices are mp4, webm, gif, poster.");
    const notion = await run(["notion", "add", "--page", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"]);
    expect(notion.code).toBe(2);
    expect(notion.stderr).toBe(
      "sketchreel notion: --video is required\nUsage: sketchreel notion add --page <page id or URL> --video <video id> [--json]\nRun `sketchreel notion --help` for the options and examples.\n",
    );
  });

  it("shows the help and exits 2 without a command", async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: sketchreel [options] [command]");
  });

  it("says which commands need a clone when it runs from the npm package, exit 1", async () => {
    for (const name of ["dev", "quickstart", "eval", "runner"]) {
      const { code, stderr } = await run([name], { installed: true });
      expect(code, name).toBe(1);
      expect(stderr).toMatch(
        new RegExp(`^sketchreel ${name} needs a clone of the Sketchreel repository: .+npx sketchreel ${name}\\n$`),
      );
    }
  });
});
