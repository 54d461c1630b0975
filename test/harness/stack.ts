import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DevStack, type DevStackOptions, findFreePort as freePort, startDevStack } from "@sketchreel/dev-stack";
import { Sketchreel } from "@sketchreel/sdk";
import { testModelDir } from "./model.js";
import { RunnerLogs } from "./runner-logs.js";

export interface TestStack {
  stack: DevStack;
  apiUrl: string;
  /** An SDK client on the stack's own `pro` key. */
  client: Sketchreel;
  /** Every runner's structured log lines, by runner id. */
  logs: RunnerLogs;
  /** Creates a key through the admin API and returns the secret. */
  createKey(tier?: "free" | "pro" | "internal", tenant?: string): Promise<string>;
  clientFor(apiKey: string): Sketchreel;
  /** Starts one more runner and records its logs. */
  addRunner(): ReturnType<DevStack["addRunner"]>;
  stop(): Promise<void>;
}

let tenants = 0;

/**
 * The real local stack (`startDevStack`, exactly what `sketchreel dev` runs) on a free port, in
 * its own temporary state directory, with runners on the tiny test model. Stop it in `afterAll`.
 */
export async function startTestStack(options: Omit<DevStackOptions, "stateDir" | "port"> = {}): Promise<TestStack> {
  const stateDir = mkdtempSync(join(tmpdir(), "sketchreel-stack-"));
  const logs = new RunnerLogs();
  const stack = await startDevStack({
    modelDir: testModelDir(),
    port: await freePort(),
    stateDir,
    ...options,
    // One onnxruntime thread each: several runners share CI's two cores.
    runnerEnv: { THREADS: "1", LEASE_WAIT_MS: "2000", HEARTBEAT_INTERVAL_MS: "250", ...options.runnerEnv },
  });
  for (const runner of stack.runners) logs.follow(runner);
  const { apiUrl, apiKey, adminToken } = stack.info;
  const clientFor = (key: string) => new Sketchreel({ apiKey: key, baseUrl: apiUrl, maxRetries: 0 });
  return {
    stack,
    apiUrl,
    client: new Sketchreel({ apiKey, baseUrl: apiUrl }),
    logs,
    clientFor,
    async createKey(tier = "pro", tenant = `t${process.pid}-${++tenants}`) {
      const res = await fetch(`${apiUrl}/admin/v1/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ tenant_id: tenant, tier }),
      });
      if (!res.ok) throw new Error(`create key: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { key: string }).key;
    },
    addRunner() {
      const runner = stack.addRunner();
      logs.follow(runner);
      return runner;
    },
    async stop() {
      await stack.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
