export type { ManagedChild } from "./child-process.js";
export { type DevInfo, readDevInfo } from "./dev-state.js";
export { findFreePort } from "./free-port.js";
export { LOCAL_S3_CREDENTIALS } from "./local-s3.js";
export {
  DEFAULT_PORT,
  DEFAULT_STATE_DIR,
  DEV_BUCKET,
  type DevStack,
  type DevStackOptions,
  startDevStack,
} from "./stack.js";
