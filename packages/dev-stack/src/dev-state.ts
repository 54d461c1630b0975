import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * What `sketchreel dev` keeps in its state directory between runs: the generated tokens (so a
 * restart keeps working with the same API key and the persisted edge state) and `dev.json`.
 */
export interface DevSecrets {
  adminToken: string;
  runnerToken: string;
  /** Standard Webhooks secret, `whsec_<base64>`. */
  webhookSecret: string;
  /** The API key created through the admin API on first start (null until then). */
  apiKey: string | null;
}

/** `DIR/dev.json`: how clients (tests, the quickstart, your app) reach the running stack. */
export interface DevInfo {
  apiUrl: string;
  apiKey: string;
  adminToken: string;
  runnerToken: string;
  webhookSecret: string;
  s3Endpoint: string;
  s3Bucket: string;
  s3AccessKeyId: string;
  s3SecretAccessKey: string;
  /** The model package runners load (null when started without runners). */
  modelDir: string | null;
  pid: number;
  edgePid: number;
  runners: { id: string; pid: number }[];
  logsDir: string;
  startedAt: string;
}

const token = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;

export const devPaths = (stateDir: string) => ({
  secrets: join(stateDir, "secrets.json"),
  devJson: join(stateDir, "dev.json"),
  edgeState: join(stateDir, "edge"),
  s3: join(stateDir, "s3"),
  logs: join(stateDir, "logs"),
});

/** Reads the secrets of an earlier run, or generates and saves fresh ones (mode 0600). */
export async function loadOrCreateSecrets(stateDir: string): Promise<DevSecrets> {
  const { secrets } = devPaths(stateDir);
  await mkdir(stateDir, { recursive: true });
  if (existsSync(secrets)) return JSON.parse(await readFile(secrets, "utf8")) as DevSecrets;
  const fresh: DevSecrets = {
    adminToken: token("adm_"),
    runnerToken: token("rnr_"),
    webhookSecret: `whsec_${randomBytes(32).toString("base64")}`,
    apiKey: null,
  };
  await saveSecrets(stateDir, fresh);
  return fresh;
}

export async function saveSecrets(stateDir: string, secrets: DevSecrets): Promise<void> {
  await writeAtomically(devPaths(stateDir).secrets, `${JSON.stringify(secrets, null, 2)}\n`);
}

export async function writeDevInfo(stateDir: string, info: DevInfo): Promise<string> {
  const path = devPaths(stateDir).devJson;
  await writeAtomically(path, `${JSON.stringify(info, null, 2)}\n`);
  return path;
}

export async function readDevInfo(stateDir: string): Promise<DevInfo> {
  return JSON.parse(await readFile(devPaths(stateDir).devJson, "utf8")) as DevInfo;
}

async function writeAtomically(path: string, text: string) {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}
