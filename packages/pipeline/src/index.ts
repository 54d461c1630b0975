export type { VideoFrames } from "./frames.js";
