import { type LocalEdge, startEdge } from "./edge.js";
import { startTestRunner, type TestRunner, type TestRunnerOptions } from "./lease-runner.js";
import { type LocalS3, startS3 } from "./s3.js";
import { tearDown } from "./teardown.js";

export interface ClientStack {
  s3: LocalS3;
  edge: LocalEdge;
  runner: TestRunner | undefined;
  stop(): Promise<void>;
}

/** S3 on loopback, the real edge in workerd, and (unless `runner: false`) the lease-protocol test runner. */
export async function startClientStack(
  options: { runner?: false | TestRunnerOptions; edgeVars?: Record<string, string> } = {},
): Promise<ClientStack> {
  const s3 = await startS3();
  const edge = await startEdge({ s3Endpoint: s3.endpoint, ...(options.edgeVars ? { vars: options.edgeVars } : {}) });
  const runner = options.runner === false ? undefined : startTestRunner(edge, s3, options.runner ?? {});
  return {
    s3,
    edge,
    runner,
    async stop() {
      await tearDown([
        ["test runner", async () => runner?.stop()],
        ["edge (workerd)", () => edge.stop()],
        ["S3 (s3rver)", () => s3.close()],
      ]);
    },
  };
}
