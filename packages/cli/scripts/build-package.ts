/**
 * Builds what the npm package of the CLI ships (`prepack`, so `npm pack -w @sketchreel/cli` and
 * `npm publish -w @sketchreel/cli` need nothing else):
 *
 *   dist/sketchreel.mjs (+ chunks)  the CLI bundled by esbuild, the workspace packages it uses inlined
 *                                   (they are private), npm packages left as imports
 *   dist/<model id>/                each served model package (the embedded one, a few MB), where
 *                                   @sketchreel/models looks for it: beside the code
 *   LICENSE                         the repository's (removed again by `postpack`: --clean)
 *
 * It fails when the bundle imports an npm package that package.json's `dependencies` do not declare
 * with the same version as the workspace package that uses it (a published CLI would not run), or
 * declares one it does not need. `dev`, `quickstart`, `runner` and `eval` need a clone of the
 * repository (wrangler, workerd and the runner service are not bundled): their packages stay out.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { modelDir, SERVED_MODEL_IDS } from "@sketchreel/models";
import { build, type Metafile, type Plugin } from "esbuild";

const CLI = fileURLToPath(new URL("..", import.meta.url));
const ROOT = join(CLI, "..", "..");
const DIST = join(CLI, "dist");

/**
 * Workspace entry points the bundle leaves out: only the clone-only commands import them, when they
 * run. Exact specifiers: their light subpaths (`@sketchreel/dev-stack/defaults`,
 * `@sketchreel/gpu-runner/config`) are bundled.
 */
export const CLONE_ONLY = ["@sketchreel/dev-stack", "@sketchreel/gpu-runner"];

/** npm packages loaded by `createRequire` at run time, which the bundler cannot see, and who needs them. */
const RUNTIME_REQUIRES: Record<string, string> = { gifenc: "@sketchreel/encode" };

type Manifest = { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string) => specifier.startsWith("node:") || BUILTINS.has(packageName(specifier));

/** Inline the workspace's `@sketchreel/*` packages (but the clone-only ones); leave every npm package external. */
const workspaceInline: Plugin = {
  name: "workspace-inline",
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      if (args.path.startsWith("@sketchreel/") && !CLONE_ONLY.includes(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** The nearest package.json above a bundled file (a metafile path, relative to CLI): its workspace package. */
function ownerOf(file: string): string {
  for (let dir = dirname(resolve(CLI, file)); dir.startsWith(ROOT); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`no package.json above ${file}`);
}

/**
 * The npm packages the bundle needs at run time, each with the version its users declare: every
 * external import, plus the run-time requires. Throws when two users declare different versions.
 */
export function runtimeDependencies(metafile: Metafile): Record<string, string> {
  const needed = new Map<string, Set<string>>(
    Object.entries(RUNTIME_REQUIRES).map(([dep, user]) => [dep, new Set([user])]),
  );
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || isBuiltin(imported.path) || CLONE_ONLY.includes(imported.path)) continue;
      const name = packageName(imported.path);
      const owner = readManifest(ownerOf(file)).name;
      needed.set(name, (needed.get(name) ?? new Set()).add(owner));
    }
  }
  const versions: Record<string, string> = {};
  const byName = workspaceManifests();
  for (const [dep, users] of [...needed].sort(([a], [b]) => a.localeCompare(b))) {
    const declared = new Set([...users].map((user) => byName.get(user)?.dependencies?.[dep] ?? "(undeclared)"));
    if (declared.size !== 1 || declared.has("(undeclared)")) {
      throw new Error(
        `${dep}: ${[...users].join(", ")} must each declare it in dependencies, at one version (found ${[...declared].join(", ")})`,
      );
    }
    versions[dep] = [...declared][0]!;
  }
  return versions;
}

function workspaceManifests(): Map<string, Manifest> {
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] };
  const dirs = root.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [join(ROOT, pattern)];
    const parent = join(ROOT, pattern.slice(0, -2));
    return readdirSync(parent).map((d) => join(parent, d));
  });
  return new Map(
    dirs.filter((d) => existsSync(join(d, "package.json"))).map((d) => [readManifest(d).name, readManifest(d)]),
  );
}

/** Differences between what the bundle needs and what the CLI's package.json declares, one line each. */
export function dependencyProblems(needed: Record<string, string>, declared: Record<string, string> = {}): string[] {
  const problems: string[] = [];
  for (const [dep, version] of Object.entries(needed)) {
    if (declared[dep] === undefined)
      problems.push(`add "${dep}": "${version}" to dependencies (the bundle imports it)`);
    else if (declared[dep] !== version)
      problems.push(`"${dep}" is ${declared[dep]} in dependencies but ${version} where it is used`);
  }
  for (const dep of Object.keys(declared)) {
    if (needed[dep] === undefined)
      problems.push(`"${dep}" is in dependencies but the bundle does not use it: move it to devDependencies`);
  }
  return problems;
}

export async function buildPackage(): Promise<{ dist: string; dependencies: Record<string, string> }> {
  rmSync(DIST, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: CLI,
    entryPoints: { sketchreel: join(CLI, "src", "index.ts") },
    outdir: DIST,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    metafile: true,
    plugins: [workspaceInline],
    logLevel: "warning",
  });
  const dependencies = runtimeDependencies(result.metafile);
  const problems = dependencyProblems(dependencies, readManifest(CLI).dependencies);
  if (problems.length > 0) throw new Error(`packages/cli/package.json:\n  ${problems.join("\n  ")}`);
  for (const id of SERVED_MODEL_IDS) cpSync(modelDir(id), join(DIST, id), { recursive: true });
  return { dist: relative(CLI, DIST), dependencies };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const license = join(CLI, "LICENSE");
  if (process.argv.includes("--clean")) rmSync(license, { force: true });
  else {
    const built = await buildPackage();
    cpSync(join(ROOT, "LICENSE"), license);
    console.error(JSON.stringify({ msg: "built the CLI package", ...built }));
  }
}
