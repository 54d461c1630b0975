import type { Video, VideoList } from "@sketchreel/sdk";

/** A video for a person: status and parameters on one line, then the prompt, outputs and player. */
export function formatVideo(video: Video): string {
  const p = video.params;
  const progress =
    video.status === "running" ? ` ${Math.round(video.progress.percent)}% (${video.progress.stage})` : "";
  const lines = [
    `${video.id} ${video.status}${progress} · seed ${p.seed} · ${p.width}x${p.height} · ${p.num_frames} frames at ${p.fps} fps · ${p.num_inference_steps} steps${video.cached ? " · cached" : ""}`,
    `  prompt  ${JSON.stringify(video.prompt)}`,
    ...video.outputs.map((o) => `  ${o.variant.padEnd(7)} ${o.url ?? "(no URL)"} (${o.bytes} bytes)`),
    ...(video.share ? [`  embed   ${video.share.embed_url}`] : []),
    ...(video.error ? [`  error   ${video.error.code}: ${video.error.message}`] : []),
  ];
  return lines.join("\n");
}

/** A page of videos, one line each, newest first, and how to get the next page. */
export function formatVideoList(page: VideoList): string {
  if (page.data.length === 0) return "no videos";
  const lines = page.data.map((v) => {
    const prompt = v.prompt.length > 60 ? `${v.prompt.slice(0, 59)}…` : v.prompt;
    return `${v.id}  ${v.status.padEnd(9)}  ${v.created_at}  ${JSON.stringify(prompt)}`;
  });
  if (page.has_more && page.next_cursor) lines.push(`(more: --cursor ${page.next_cursor})`);
  return lines.join("\n");
}
