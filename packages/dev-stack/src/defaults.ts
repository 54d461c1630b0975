/**
 * The local stack's defaults, in a module with no imports so that `sketchreel dev --help` can show
 * them without loading the stack (`@sketchreel/dev-stack/defaults`).
 */
export const DEFAULT_STATE_DIR = ".sketchreel";
export const DEFAULT_PORT = 8787;
