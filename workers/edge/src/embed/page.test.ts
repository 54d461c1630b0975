import { describe, expect, it } from "vitest";
import { renderPlayerPage } from "./page.js";

// An open-vocabulary model (a Wan2.2 export) accepts any prompt, markup included; the page must show it as text.
const HOSTILE = 'a ball <script>alert("x")</script> "quoted" & <img src=x onerror=alert(1)>';

describe("renderPlayerPage", () => {
  it("escapes the prompt everywhere it appears: title, OpenGraph tags, footer", () => {
    const html = renderPlayerPage({
      title: `Sketchreel — ${HOSTILE}`,
      prompt: HOSTILE,
      pageUrl: "https://edge.test/embed/shr_1",
      oembedUrl: "https://edge.test/oembed?url=x",
      homeUrl: "https://edge.test",
      width: 64,
      height: 64,
      videoUrl: "https://s3.test/v.mp4?a=1&b=2",
      posterUrl: null,
      status: "succeeded",
      styleNonce: "abc",
    });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    const escaped =
      "a ball &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;img src=x onerror=alert(1)&gt;";
    expect(html).toContain(`<title>Sketchreel — ${escaped}</title>`);
    expect(html).toContain(`<meta property="og:description" content="${escaped}">`);
    expect(html).toContain(`<footer><p title="${escaped}">${escaped}</p>`);
    expect(html).toContain('<video src="https://s3.test/v.mp4?a=1&amp;b=2"');
  });
});
