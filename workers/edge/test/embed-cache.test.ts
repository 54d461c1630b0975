import { describe, expect, it } from "vitest";
import { clientNetwork } from "../src/embed/share-lookup.js";
import { call, completeJob, createKey, createVideo, leaseJob } from "./helpers.js";

/** A client address of its own per test, so the per-IP buckets do not interfere. */
let hosts = 0;
const fromIp = () => {
  const ip = `203.0.113.${++hosts}`;
  return (path: string) => call(path, { headers: { "cf-connecting-ip": ip }, redirect: "manual" });
};

async function sharedVideo() {
  const key = await createKey();
  const { body } = await createVideo(key, { prompt: "a green triangle rises from the bottom" });
  await completeJob(await leaseJob(body.id));
  return { key, video: body, shareId: body.share?.id ?? "" };
}

describe("embed and oEmbed from the edge cache", () => {
  it("reaches the JobQueue once per share id, then serves from the cache", async () => {
    const get = fromIp();
    const { video, shareId } = await sharedVideo();
    const first = await get(`/embed/${shareId}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("MISS");
    for (let i = 0; i < 5; i++) {
      const again = await get(`/embed/${shareId}`);
      expect(again.status).toBe(200);
      expect(again.headers.get("x-cache")).toBe("HIT");
      // Presigned per request from the cached keys: the media URLs stay fresh.
      expect(await again.text()).toMatch(/X-Amz-Signature=/);
    }
    const oembed = await get(`/oembed?url=${encodeURIComponent(video.share?.embed_url ?? "")}`);
    expect(oembed.status).toBe(200);
    expect(oembed.headers.get("x-cache")).toBe("HIT");
  });

  it("stops serving a deleted video's embed at once", async () => {
    const get = fromIp();
    const { key, video, shareId } = await sharedVideo();
    expect((await get(`/embed/${shareId}`)).status).toBe(200);
    expect((await get(`/embed/${shareId}`)).headers.get("x-cache")).toBe("HIT");
    expect((await call(`/v1/videos/${video.id}`, { method: "DELETE", headers: key.auth })).status).toBe(204);
    const gone = await get(`/embed/${shareId}`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("x-cache")).toBe("MISS");
    const oembed = await get(`/oembed?url=${encodeURIComponent(video.share?.embed_url ?? "")}`);
    expect(oembed.status).toBe(404);
  });

  it("limits uncached lookups per client IP (EMBED_LOOKUPS_PER_MINUTE = 30 in the tests)", async () => {
    const get = fromIp();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `shr_${String(i).padStart(2, "0")}${"Q".repeat(22)}`;
      statuses.push((await get(`/embed/${id}`)).status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
    const limited = await get(`/embed/shr_${"Z".repeat(24)}`);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited.headers.get("ratelimit-policy")).toBe('"share-lookups";q=30;w=60');
    expect(limited.headers.get("ratelimit")).toBe(`"share-lookups";r=0;t=${limited.headers.get("retry-after")}`);
    expect(await limited.json()).toMatchObject({ code: "rate_limited" });
    // Cached answers are still served to that address, and other addresses are unaffected.
    expect((await get(`/embed/shr_00${"Q".repeat(22)}`)).status).toBe(404);
    expect((await fromIp()(`/embed/shr_${"Z".repeat(24)}`)).status).toBe(404);
  });

  it("keeps a stable MP4 link (share.video_url) that redirects to a fresh presigned URL", async () => {
    const get = fromIp();
    const { key, video, shareId } = await sharedVideo();
    expect(video.share?.video_url).toBe(`https://edge.test/embed/${shareId}/video.mp4`);
    const res = await get(`/embed/${shareId}/video.mp4`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/video\.mp4\?.*X-Amz-Expires=3600/);
    const queued = await createVideo(key, { prompt: "a white dot drifts to the right" });
    expect((await get(`/embed/${queued.body.share?.id}/video.mp4`)).status).toBe(404);
    expect((await call(`/v1/videos/${video.id}`, { method: "DELETE", headers: key.auth })).status).toBe(204);
    expect((await get(`/embed/${shareId}/video.mp4`)).status).toBe(404);
  });

  it("groups IPv6 clients by /64 and keeps IPv4 addresses apart", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("198.51.100.7")).toBe("198.51.100.7");
    expect(clientNetwork(undefined)).toBe("unknown");
  });
});
