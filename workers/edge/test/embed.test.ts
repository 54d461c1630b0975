import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { z } from "@hono/zod-openapi";
import type { OEmbed } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import type { Bindings } from "../src/env.js";
import { BASE, call, completeJob, createKey, createVideo, leaseJob } from "./helpers.js";

// A prompt with markup never reaches a closed-vocabulary model's page (the vocabulary gate refuses
// it); src/embed/page.test.ts checks that the page escapes one all the same.
const HOSTILE =
  'a red ball falls from the top to the bottom <script>alert("x")</script> "quoted" & <img src=x onerror=alert(1)>';
const PROMPT = "A red ball falls from the top-left, while a blue cube stays on the right.";

async function finishedVideo(prompt = PROMPT) {
  const key = await createKey();
  const { body } = await createVideo(key, { prompt });
  await completeJob(await leaseJob(body.id));
  return body;
}

describe("embeds", () => {
  it("renders an inert, Notion-frameable player with a strict CSP and OpenGraph tags", async () => {
    const key = await createKey();
    const refused = await createVideo(key, { prompt: HOSTILE });
    expect(refused.res.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("prompt_out_of_vocabulary");
    const video = await finishedVideo();
    const res = await call(`/embed/${video.share?.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain(`<footer><p title="${PROMPT}">${PROMPT}</p>`);
    expect(html).toMatch(
      /<video src="http:\/\/127\.0\.0\.1:4568\/sketchreel\/t\/[^"]+video\.mp4\?[^"]+" poster="[^"]+poster\.png\?[^"]+" autoplay muted loop playsinline/,
    );
    expect(html).toContain('<meta property="og:type" content="video.other">');
    expect(html).toContain('<meta property="og:video:type" content="video/mp4">');
    expect(html).toContain('href="https://edge.test"');
    expect(html).toContain("color-scheme: dark");
    // Sized by CSS alone (attributes would override the aspect-ratio fit), never reloaded once finished.
    expect(html.match(/<video[^>]*>/)?.[0]).not.toMatch(/\s(width|height)=/);
    expect(html).not.toContain("http-equiv");
    expect(res.headers.get("cache-control")).toBe("private, max-age=60");
    // Link previews cache OpenGraph media: the never-expiring share links, not presigned ones.
    expect(html).toContain(
      `<meta property="og:image" content="https://edge.test/embed/${video.share?.id}/poster.png">`,
    );
    expect(html).toContain(`<meta property="og:video" content="https://edge.test/embed/${video.share?.id}/video.mp4">`);
    expect(html).not.toMatch(/<meta property="og:[^"]+" content="http:\/\/127\.0\.0\.1:4568/);

    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'self' https://www.notion.so https://*.notion.so https://*.notion.site");
    expect(csp).toContain("media-src http://127.0.0.1:4568");
    const nonce = csp.match(/style-src 'nonce-([A-Za-z0-9]+)'/)?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers unknown share ids with 404 and malformed ones with 422", async () => {
    expect((await call("/embed/shr_0000000000000000000000")).status).toBe(404);
    expect((await call("/embed/not-a-share")).status).toBe(422);
  });

  it("serves oEmbed (type video, iframe html) for its own embed URLs only", async () => {
    const video = await finishedVideo("a blue square stays at the center");
    const url = encodeURIComponent(video.share?.embed_url ?? "");
    const res = await call(`/oembed?url=${url}&maxwidth=320`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as z.infer<typeof OEmbed>;
    // The player fills the frame (the caption overlays it): the iframe has the video's aspect ratio.
    expect(body).toMatchObject({ type: "video", version: "1.0", provider_name: "Sketchreel", width: 320, height: 320 });
    expect(body.html).toBe(
      `<iframe src="${video.share?.embed_url}" width="320" height="320" title="a blue square stays at the center" frameborder="0" allow="autoplay; fullscreen" allowfullscreen></iframe>`,
    );
    expect(body.thumbnail_url).toBe(video.share?.poster_url);
    expect(body.thumbnail_url).toBe(`https://edge.test/embed/${video.share?.id}/poster.png`);
    expect(
      (await call(`/oembed?url=${encodeURIComponent("https://evil.test/embed/shr_0000000000000000")}`)).status,
    ).toBe(404);
    expect((await call("/oembed?url=not-a-url")).status).toBe(422);
  });

  it("reloads an unfinished video's page (no script, no cache) until it is done", async () => {
    const key = await createKey();
    const { body: video } = await createVideo(key, { prompt: "a white dot drifts to the right" });
    const get = () => call(`/embed/${video.share?.id}`, { headers: { "cf-connecting-ip": "198.51.100.18" } });
    const pending = await get();
    expect(pending.status).toBe(200);
    expect(pending.headers.get("cache-control")).toBe("no-store");
    const html = await pending.text();
    expect(html).toContain('<meta http-equiv="refresh" content="3">');
    expect(html).toContain("This video is queued.");
    expect(html).not.toContain("og:video");
  });

  it("keeps a stable poster link (share.poster_url) that redirects to a fresh presigned URL", async () => {
    const video = await finishedVideo("a purple triangle stays at the bottom");
    expect(video.share?.poster_url).toBe(`https://edge.test/embed/${video.share?.id}/poster.png`);
    const res = await call(`/embed/${video.share?.id}/poster.png`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/poster\.png\?.*X-Amz-Expires=3600/);
    const key = await createKey();
    const queued = await createVideo(key, { prompt: "a white dot drifts to the left" });
    expect((await call(`/embed/${queued.body.share?.id}/poster.png`)).status).toBe(404);
  });

  it("lets a deployment choose who may frame the player (FRAME_ANCESTORS), and refuses a wildcard", async () => {
    const video = await finishedVideo("a green ball stays at the center");
    const withVars = async (vars: Partial<Bindings>) => {
      const ctx = createExecutionContext();
      const res = await createApp().fetch(
        new Request(`${BASE}/embed/${video.share?.id}`),
        { ...(env as Bindings), ...vars },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
    const wiki = await withVars({ FRAME_ANCESTORS: "https://wiki.example.com https://*.example.org" });
    expect(wiki.status).toBe(200);
    expect(wiki.headers.get("content-security-policy")).toMatch(
      /; frame-ancestors https:\/\/wiki\.example\.com https:\/\/\*\.example\.org$/,
    );
    const wildcard = await withVars({ FRAME_ANCESTORS: "*" });
    expect(wildcard.status).toBe(503);
    expect(await wildcard.json()).toMatchObject({
      code: "unavailable",
      detail: expect.stringContaining("FRAME_ANCESTORS"),
    });
  });
});
