/**
 * Storyboard keyframes: the first, middle and last frames of the GIF as PNGs, decoded with WebCodecs'
 * `ImageDecoder` (Chromium, so Figma desktop and Figma in Chrome/Edge). Where the browser lacks it,
 * the storyboard honestly falls back to the one poster PNG the API produced.
 */
export async function gifKeyframes(gif: Uint8Array<ArrayBuffer>, poster: Uint8Array | null): Promise<Uint8Array[]> {
  if (typeof ImageDecoder === "undefined") return poster ? [poster] : [];
  const decoder = new ImageDecoder({ data: gif, type: "image/gif" });
  try {
    await decoder.tracks.ready;
    const count = decoder.tracks.selectedTrack?.frameCount ?? 1;
    const indices = [...new Set([0, Math.floor((count - 1) / 2), count - 1])];
    const frames: Uint8Array[] = [];
    for (const frameIndex of indices) {
      const { image } = await decoder.decode({ frameIndex });
      try {
        frames.push(await toPng(image));
      } finally {
        image.close();
      }
    }
    return frames;
  } finally {
    decoder.close();
  }
}

async function toPng(frame: VideoFrame): Promise<Uint8Array> {
  const canvas = document.createElement("canvas");
  canvas.width = frame.displayWidth;
  canvas.height = frame.displayHeight;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas context");
  context.drawImage(frame, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("could not encode a keyframe as PNG");
  return new Uint8Array(await blob.arrayBuffer());
}
