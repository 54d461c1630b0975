/**
 * Test fixtures other packages use (`@sketchreel/pipeline/test-fixtures`): the tiny random-weight
 * model packages, their PyTorch reference tensors, and backend wrappers that slow or record every run.
 */
export { type RecordedRun, recordingBackend } from "./recording-backend.js";
export * from "./reference.js";
export { throttledBackend } from "./throttled-backend.js";
