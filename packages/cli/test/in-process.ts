import { vi } from "vitest";
import { main } from "../src/index.js";

/** Runs the CLI in this process (as the clone runs it, or `installed` as the npm package), capturing what it writes. */
export async function sketchreelInProcess(args: string[], options: { installed?: boolean } = {}) {
  const out = { stdout: "", stderr: "" };
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    out.stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args, options);
    return { code, ...out };
  } finally {
    vi.restoreAllMocks();
  }
}
