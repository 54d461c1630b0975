/**
 * Test fixtures other packages use (`@sketchreel/pipeline/test-fixtures`): the tiny random-weight
 * model packages, their PyTorch reference tensors, and a backend wrapper that slows every run.
 */
export * from "./reference.js";
export { throttledBackend } from "./throttled-backend.js";
