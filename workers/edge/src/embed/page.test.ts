import { describe, expect, it } from "vitest";
import { type PlayerPage, renderPlayerPage } from "./page.js";

// An open-vocabulary model (a Wan2.2 export) accepts any prompt, markup included; the page must show it as text.
const HOSTILE = 'a ball <script>alert("x")</script> "quoted" & <img src=x onerror=alert(1)>';

const FINISHED: PlayerPage = {
  title: "Sketchreel — a red ball",
  prompt: "a red ball",
  pageUrl: "https://edge.test/embed/shr_1",
  oembedUrl: "https://edge.test/oembed?url=x",
  homeUrl: "https://edge.test",
  width: 256,
  height: 144,
  videoUrl: "https://s3.test/v.mp4?a=1&b=2",
  posterUrl: "https://s3.test/p.png?X-Amz-Expires=3600",
  shareVideoUrl: "https://edge.test/embed/shr_1/video.mp4",
  sharePosterUrl: "https://edge.test/embed/shr_1/poster.png",
  status: "succeeded",
  refreshS: null,
  styleNonce: "abc",
};

const PENDING: PlayerPage = {
  ...FINISHED,
  videoUrl: null,
  posterUrl: null,
  shareVideoUrl: null,
  sharePosterUrl: null,
  status: "running",
  refreshS: 3,
};

describe("renderPlayerPage", () => {
  it("escapes the prompt everywhere it appears: title, OpenGraph tags, footer", () => {
    const html = renderPlayerPage({ ...FINISHED, title: `Sketchreel — ${HOSTILE}`, prompt: HOSTILE });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    const escaped =
      "a ball &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;img src=x onerror=alert(1)&gt;";
    expect(html).toContain(`<title>Sketchreel — ${escaped}</title>`);
    expect(html).toContain(`<meta property="og:description" content="${escaped}">`);
    expect(html).toContain(`<footer><p title="${escaped}">${escaped}</p>`);
    expect(html).toContain('<video src="https://s3.test/v.mp4?a=1&amp;b=2"');
  });

  it("lets CSS size the player: no width or height attributes, object-fit contain over the whole viewport", () => {
    const html = renderPlayerPage(FINISHED);
    const video = html.match(/<video[^>]*>/)?.[0] ?? "";
    expect(video).not.toMatch(/\s(width|height)=/);
    expect(html).toMatch(/video, \.pending \{[^}]*inset: 0; width: 100%; height: 100%; object-fit: contain;/);
  });

  it("points OpenGraph at the links that never expire, never at presigned ones", () => {
    const html = renderPlayerPage(FINISHED);
    expect(html).toContain('<meta property="og:image" content="https://edge.test/embed/shr_1/poster.png">');
    expect(html).toContain('<meta property="og:video" content="https://edge.test/embed/shr_1/video.mp4">');
    expect(html).toContain('<meta property="og:video:secure_url" content="https://edge.test/embed/shr_1/video.mp4">');
    expect(html).not.toMatch(/<meta property="og:[^"]+" content="https:\/\/s3\.test/);
  });

  it("reloads itself while the video is unfinished, and not once it is", () => {
    expect(renderPlayerPage(PENDING)).toContain('<meta http-equiv="refresh" content="3">');
    expect(renderPlayerPage(PENDING)).toContain("This video is running.");
    expect(renderPlayerPage(FINISHED)).not.toContain("http-equiv");
  });
});
