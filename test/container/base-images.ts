import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exec, secondsSince } from "./commands.js";

/**
 * The two local stand-ins for the production bases of gpu-runner/Dockerfile, which come from a
 * registry this test does not reach:
 * - `BASE_IMAGE` (debian:bookworm-slim): Debian bookworm from `debootstrap --variant=minbase`, made
 *   slim the way the official image is (no docs, man pages or locales; apt cleans after itself);
 * - `NODE_IMAGE` (node:<version>-bookworm-slim): that base plus this host's `node` and `npm` in
 *   /usr/local, where the official image has them, trusting what this host trusts (its CA bundle,
 *   through NODE_EXTRA_CA_CERTS, so that `npm ci` in the build works behind a TLS-intercepting
 *   proxy as it does on the host). Only the deps stage runs on it: nothing of it but `node` reaches
 *   the runner image.
 * The debootstrap root file system is cached as a tarball (the slow part, ~40 s); the images are
 * kept in buildah's storage and remade from the tarball when missing.
 */
export const LOCAL_BASE_IMAGE = "localhost/sketchreel-test/debian:bookworm-slim";
export const localNodeImage = () => `localhost/sketchreel-test/node:${process.versions.node}-bookworm-slim`;

const MIRROR = "http://deb.debian.org/debian";
const HOST_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
const IMAGE_CA_BUNDLE = "/usr/local/share/ca-certificates/host-ca-bundle.crt";
const ROOTFS_TAR = "debian-bookworm-minbase.tar";

/** What debian:bookworm-slim configures (docker-debian-artifacts / debuerreotype "slimify"). */
const SLIM_FILES: Record<string, string> = {
  "etc/dpkg/dpkg.cfg.d/docker": [
    "path-exclude /usr/share/doc/*",
    "path-include /usr/share/doc/*/copyright",
    "path-exclude /usr/share/groff/*",
    "path-exclude /usr/share/info/*",
    "path-exclude /usr/share/linda/*",
    "path-exclude /usr/share/lintian/*",
    "path-exclude /usr/share/locale/*",
    "path-include /usr/share/locale/locale.alias",
    "path-exclude /usr/share/man/*",
    "",
  ].join("\n"),
  "etc/apt/apt.conf.d/docker-clean": [
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'Dir::Cache::pkgcache "";',
    'Dir::Cache::srcpkgcache "";',
    "",
  ].join("\n"),
  "etc/apt/apt.conf.d/docker-no-languages": 'Acquire::Languages "none";\n',
  "etc/apt/sources.list": [
    `deb ${MIRROR} bookworm main`,
    `deb ${MIRROR} bookworm-updates main`,
    "deb http://deb.debian.org/debian-security bookworm-security main",
    "",
  ].join("\n"),
};

/** What debootstrap leaves that the slim image does not have. */
const SLIM_CLEANUP = [
  "find usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete",
  "find usr/share/doc -mindepth 1 -type d -empty -delete",
  "rm -rf usr/share/groff/* usr/share/info/* usr/share/lintian/* usr/share/linda/* usr/share/man/*",
  "find usr/share/locale -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +",
  "rm -rf var/cache/apt/*.bin var/cache/apt/archives/*.deb var/lib/apt/lists/* var/log/*.log var/log/apt/*",
].join(" && ");

export interface BaseImages {
  base: string;
  node: string;
  seconds: number;
  /** Which parts came from the cache. */
  cached: { rootfs: boolean; base: boolean; node: boolean };
}

/** Makes (or reuses) the local base and Node images; `cacheDir` keeps the debootstrap tarball. */
export async function ensureBaseImages(cacheDir: string, note: (line: string) => void): Promise<BaseImages> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const tar = join(cacheDir, ROOTFS_TAR);
  const cached = { rootfs: existsSync(tar), base: false, node: false };
  if (!cached.rootfs) {
    note(`debootstrap --variant=minbase bookworm (${MIRROR}) → ${tar}`);
    await makeRootfsTar(cacheDir, tar);
  }
  cached.base = cached.rootfs && (await imageExists(LOCAL_BASE_IMAGE));
  if (!cached.base) {
    note(`importing ${LOCAL_BASE_IMAGE}`);
    await importRootfs(tar, LOCAL_BASE_IMAGE);
  }
  const node = localNodeImage();
  cached.node = cached.base && (await imageExists(node));
  if (!cached.node) {
    note(`making ${node} (this host's node and npm on the base)`);
    await makeNodeImage(LOCAL_BASE_IMAGE, node);
  }
  return { base: LOCAL_BASE_IMAGE, node, seconds: secondsSince(started), cached };
}

export async function imageExists(name: string): Promise<boolean> {
  try {
    await exec("buildah", ["inspect", "--type", "image", "--format", "{{.FromImageID}}", name]);
    return true;
  } catch {
    return false;
  }
}

async function makeRootfsTar(cacheDir: string, tar: string): Promise<void> {
  const rootfs = mkdtempSync(join(cacheDir, "rootfs-"));
  try {
    await exec("debootstrap", ["--variant=minbase", "bookworm", rootfs, MIRROR], { timeoutMs: 600_000 });
    for (const [path, text] of Object.entries(SLIM_FILES)) writeFileSync(join(rootfs, path), text);
    await exec("sh", ["-c", `cd '${rootfs}' && ${SLIM_CLEANUP}`]);
    await exec("tar", ["--numeric-owner", "--xattrs", "-C", rootfs, "-cf", `${tar}.partial`, "."]);
    renameSync(`${tar}.partial`, tar);
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
    rmSync(`${tar}.partial`, { force: true });
  }
}

async function importRootfs(tar: string, name: string): Promise<void> {
  const container = (await exec("buildah", ["from", "scratch"])).stdout.trim();
  try {
    await exec("buildah", ["add", container, tar, "/"]);
    await exec("buildah", [
      "config",
      "--env",
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "--cmd",
      "bash",
      container,
    ]);
    await exec("buildah", ["commit", "--quiet", container, name]);
  } finally {
    await exec("buildah", ["rm", container]).catch(() => {});
  }
}

async function makeNodeImage(base: string, name: string): Promise<void> {
  const npmDir = join((await exec("npm", ["root", "-g"])).stdout.trim(), "npm");
  const container = (await exec("buildah", ["from", "--pull=never", base])).stdout.trim();
  try {
    await exec("buildah", ["copy", container, process.execPath, "/usr/local/bin/node"]);
    await exec("buildah", ["copy", container, npmDir, "/usr/local/lib/node_modules/npm"]);
    await exec("buildah", [
      "run",
      "--isolation",
      "chroot",
      container,
      "--",
      "sh",
      "-c",
      "ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm" +
        " && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx && node --version && npm --version",
    ]);
    const trust = existsSync(HOST_CA_BUNDLE) ? ["--env", `NODE_EXTRA_CA_CERTS=${IMAGE_CA_BUNDLE}`] : [];
    if (trust.length > 0) await exec("buildah", ["copy", container, HOST_CA_BUNDLE, IMAGE_CA_BUNDLE]);
    await exec("buildah", ["config", ...trust, "--cmd", "node", container]);
    await exec("buildah", ["commit", "--quiet", container, name]);
  } finally {
    await exec("buildah", ["rm", container]).catch(() => {});
  }
}
