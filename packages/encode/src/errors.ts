/** Why an encode could not produce its output. `code` is stable; `message` is for people. */
export class EncodeError extends Error {
  override readonly name: string = "EncodeError";
  constructor(
    readonly code: "invalid_frames" | "unsupported_format" | "ffmpeg_failed" | "ffmpeg_missing" | "ffmpeg_timeout",
    message: string,
  ) {
    super(message);
  }
}

/** ffmpeg is needed for MP4/WebM only; GIF, poster and PNG frames are encoded in-process. */
export class FfmpegMissingError extends EncodeError {
  override readonly name = "FfmpegMissingError";
  constructor(readonly ffmpegPath: string) {
    super(
      "ffmpeg_missing",
      `ffmpeg was not found (tried "${ffmpegPath}"): MP4 and WebM need it. Install it (apt-get install ffmpeg) ` +
        "or point ffmpegPath at the binary; GIF, poster and PNG frames work without it.",
    );
  }
}
