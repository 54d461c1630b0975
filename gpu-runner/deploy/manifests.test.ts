import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Usage } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadRunnerConfig } from "../src/config.js";

// The Kubernetes manifests beside this file, checked against the code they configure.
const dir = new URL("./kubernetes/", import.meta.url);
type Doc = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };
const load = (name: string) =>
  parseAllDocuments(readFileSync(new URL(name, dir), "utf8")).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Doc;
  });

const runner = load("runner.yaml");
const keda = load("keda-scaledobject.yaml");
const deployment = runner.find((d) => d.kind === "Deployment")!;
type EnvVar = { name: string; value?: string; valueFrom?: unknown };
type Probe = { httpGet: { path: string; port: string } };
type PodMeta = { annotations: Record<string, string> };
type PodSpec = {
  securityContext: Record<string, unknown>;
  containers: { image: string; ports: unknown[]; readinessProbe: Probe; livenessProbe: Probe }[];
};
const container = (deployment.spec as { template: { spec: { containers: { env: EnvVar[] }[] } } }).template.spec
  .containers[0]!;

describe("gpu-runner/deploy/kubernetes", () => {
  it("configures the runner only with variables src/config.ts reads, and they validate", () => {
    const source = readFileSync(fileURLToPath(new URL("../src/config.ts", import.meta.url)), "utf8");
    const known = new Set([...source.matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]));
    const names = container.env.map((e) => e.name);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    // Secrets and the pod name stand in as placeholders; the literal values must pass validation.
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value ?? "from-secret-or-pod"]));
    const config = loadRunnerConfig(env);
    expect(config.device).toBe("cuda");
    expect(config.s3.forcePathStyle).toBe(true);
    const grace = (deployment.spec as { template: { spec: { terminationGracePeriodSeconds: number } } }).template.spec
      .terminationGracePeriodSeconds;
    // The job may finish (or an idle runner's long poll return) before SIGKILL.
    expect(grace * 1000).toBeGreaterThan(config.shutdownGraceMs + config.leaseWaitMs);
  });

  it("runs the image as gpu-runner/Dockerfile builds it (what `npm run test:container` exercises)", () => {
    const dockerfile = readFileSync(fileURLToPath(new URL("../Dockerfile", import.meta.url)), "utf8");
    const field = (pattern: RegExp) => dockerfile.match(pattern)?.[1];
    const port = Number(field(/^EXPOSE (\d+)$/m));
    expect(Number(field(/^\s+PORT=(\d+)/m))).toBe(port);
    expect(field(/^HEALTHCHECK[^\n]*\n[^\n]*(\/healthz)/m)).toBe("/healthz");
    const [uid, gid] = (field(/^USER (\d+:\d+)$/m) ?? "").split(":").map(Number);

    const pod = (deployment.spec as { template: { metadata: PodMeta; spec: PodSpec } }).template;
    const runnerContainer = pod.spec.containers[0]!;
    expect(runnerContainer.image).toMatch(/\/sketchreel-runner:[\w.-]+-cuda$/);
    expect(runnerContainer.ports).toEqual([{ name: "metrics", containerPort: port }]);
    for (const probe of [runnerContainer.readinessProbe, runnerContainer.livenessProbe]) {
      expect(probe.httpGet).toEqual({ path: "/healthz", port: "metrics" });
    }
    expect(pod.metadata.annotations["prometheus.io/port"]).toBe(String(port));
    expect(pod.metadata.annotations["prometheus.io/path"]).toBe("/metrics");
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: uid, runAsGroup: gid });
  });

  it("scales the runner Deployment on a field GET /v1/usage really returns", () => {
    const scaled = keda.find((d) => d.kind === "ScaledObject")!;
    const spec = scaled.spec as {
      scaleTargetRef: { name: string };
      triggers: { type: string; metadata: { url: string; valueLocation: string; authMode: string } }[];
    };
    expect(spec.scaleTargetRef.name).toBe(deployment.metadata.name);
    const trigger = spec.triggers[0]!;
    expect(trigger.type).toBe("metrics-api");
    expect(new URL(trigger.metadata.url).pathname).toBe("/v1/usage");
    const openapi = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve("@sketchreel/contract/openapi.json"), "utf8"),
    ) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain("/v1/usage");
    // Walk the contract's Usage schema along valueLocation: every segment must exist and end on a number.
    let schema: unknown = Usage;
    for (const key of trigger.metadata.valueLocation.split(".")) {
      schema = (schema as { shape: Record<string, unknown> }).shape[key];
      expect(schema, `Usage has no ${trigger.metadata.valueLocation}`).toBeDefined();
    }
    expect((schema as { type: string }).type).toBe("number");
    expect(keda.find((d) => d.kind === "TriggerAuthentication")?.metadata.name).toBe(
      (trigger as unknown as { authenticationRef: { name: string } }).authenticationRef.name,
    );
  });
});
