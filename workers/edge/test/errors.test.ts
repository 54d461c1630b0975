import { describe, expect, it } from "vitest";
import { call, createKey, json } from "./helpers.js";

type ProblemBody = {
  code: string;
  status: number;
  request_id: string;
  errors?: { field: string; rule: string; message: string }[];
};

describe("errors at the boundary", () => {
  it("answers bad JSON with 400 invalid_json", async () => {
    const key = await createKey();
    const res = await call("/v1/videos", {
      method: "POST",
      headers: { ...key.auth, "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as ProblemBody).code).toBe("invalid_json");
  });

  it("answers a wrong content type with 415", async () => {
    const key = await createKey();
    const res = await call("/v1/videos", {
      method: "POST",
      headers: { ...key.auth, "content-type": "text/plain" },
      body: "a red ball",
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ProblemBody).code).toBe("unsupported_media_type");
  });

  it("answers an oversize body with 413, declared or chunked", async () => {
    const key = await createKey();
    const big = JSON.stringify({ prompt: "x".repeat(70_000) });
    const res = await call("/v1/videos", {
      method: "POST",
      headers: { ...key.auth, "content-type": "application/json" },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ProblemBody).code).toBe("payload_too_large");
    const stream = new Blob([big]).stream();
    const chunked = await call("/v1/videos", {
      method: "POST",
      headers: { ...key.auth, "content-type": "application/json" },
      body: stream,
      // @ts-expect-error -- workerd's RequestInit accepts duplex for streamed bodies
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
  });

  it("answers unknown routes with 404 problem+json and a request id", async () => {
    const res = await call("/v2/nothing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("names the field, rule and value in 422s", async () => {
    const key = await createKey();
    const res = await json("POST", "/v1/videos", { prompt: "a red ball", width: 500, colour: "red" }, key.auth);
    expect(res.status).toBe(422);
    const body = (await res.json()) as ProblemBody;
    expect(body.code).toBe("validation_failed");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "width", rule: "multiple_of", message: expect.stringContaining("500") }),
        expect.objectContaining({ rule: "unknown_field", message: expect.stringContaining("colour") }),
      ]),
    );
    const missing = await json("POST", "/v1/videos", {}, key.auth);
    expect(((await missing.json()) as ProblemBody).errors?.[0]).toMatchObject({ field: "prompt" });
  });

  it("validates against the model's limits and says the allowed values", async () => {
    const key = await createKey();
    const res = await json(
      "POST",
      "/v1/videos",
      { prompt: "a red ball falls from the top to the bottom", width: 128, num_frames: 20 },
      key.auth,
    );
    expect(res.status).toBe(422);
    const errors = ((await res.json()) as ProblemBody).errors ?? [];
    expect(errors.find((e) => e.field === "width")?.message).toBe(
      "size 128x64 is not supported (allowed: 64x64, 128x128, 256x256, 256x144) for model shape-world-tiny",
    );
    expect(errors.find((e) => e.field === "num_frames")?.message).toBe(
      "num_frames must be a multiple of 8 (got 20) for model shape-world-tiny (supported: 8, 16, 24, 32)",
    );
    const model = await json("POST", "/v1/videos", { prompt: "a red ball", model: "nope" }, key.auth);
    expect(((await model.json()) as ProblemBody).errors?.[0]?.message).toContain("shape-world-tiny");
  });

  it("refuses prompts under the content policy with 422 content_policy", async () => {
    const key = await createKey();
    const res = await json("POST", "/v1/videos", { prompt: "a g0ry red ball falls from the top" }, key.auth);
    expect(res.status).toBe(422);
    expect(((await res.json()) as ProblemBody).code).toBe("content_policy");
    const negative = await json("POST", "/v1/videos", { prompt: "a red ball", negative_prompt: "NUDE" }, key.auth);
    expect(((await negative.json()) as ProblemBody).code).toBe("content_policy");
  });

  it("echoes a sane client X-Request-Id and serves the OpenAPI document", async () => {
    const res = await call("/openapi.json", { headers: { "x-request-id": "client-abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("client-abc-123");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/videos", "/internal/runners/lease", "/embed/{shareId}"]),
    );
  });
});
