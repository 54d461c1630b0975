/** Every `sketchreel videos` operation, loaded together when one of them runs (commands/videos.ts). */
export { type CreateFlags, createVideo } from "./create-video.js";
export {
  cancelVideo,
  type DownloadFlags,
  deleteVideo,
  downloadVideo,
  type GetFlags,
  getVideo,
  type ListFlags,
  listVideos,
} from "./manage-videos.js";
