export type { ManagedChild } from "./child-process.js";
export { type DevConfig, loadDevConfig } from "./config.js";
export { type DevInfo, readDevInfo } from "./dev-state.js";
export { EDGE_CONFIG } from "./edge-process.js";
export { assertPortFree, findFreePort, PortInUseError, preferPort } from "./free-port.js";
export { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from "./local-s3.js";
export {
  DEFAULT_PORT,
  DEFAULT_STATE_DIR,
  DEV_BUCKET,
  type DevStack,
  type DevStackOptions,
  startDevStack,
} from "./stack.js";
export { watchParent } from "./watch-parent.js";
