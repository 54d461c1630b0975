import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const SDK = fileURLToPath(new URL("..", import.meta.url));
const TSC = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "sketchreel-readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The ```ts blocks of a markdown file, in order. */
export function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

describe("README examples", { timeout: 120_000 }, () => {
  const blocks = tsBlocks(readFileSync(join(SDK, "README.md"), "utf8"));

  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it("type-check against the SDK's sources (each block is its own module)", () => {
    const files = blocks.map((code, i) => {
      const file = join(work, `example-${i + 1}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        types: ["node"],
        typeRoots: [join(SDK, "..", "node_modules", "@types")],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        paths: { "@sketchreel/sdk": [join(SDK, "src", "index.ts")] },
      },
      files,
    };
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify(tsconfig));
    let output = "";
    try {
      execFileSync(process.execPath, [TSC, "-p", join(work, "tsconfig.json")], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe("");
  });
});
