import { CreateVideoRequest } from "@sketchreel/contract";

/**
 * A seeded generator of malformed API requests: wrong types, huge/empty/odd-unicode prompts, bad
 * sizes, bad JSON, wrong content types, oversize bodies, bad ids, bad keys, bad queries, bad
 * runner/admin calls. Every case is something a careless or hostile client sends; the edge must
 * answer each with a 4xx problem+json, never a 5xx.
 */

export interface MalformedRequest {
  /** What is wrong, for the failure report. */
  label: string;
  method: string;
  path: string;
  /** `key` = a valid API key, `runner`/`admin` = the valid token, or a literal Authorization value. */
  auth: "key" | "runner" | "admin" | { header: string } | null;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /**
   * The statuses the contract allows for this request, when they can be known in advance (the seeded
   * fuzz cases, judged by the contract's own schema; the Idempotency-Key cases). Without it, any 4xx.
   */
  expect?: readonly number[];
}

/**
 * What the contract allows for a create body: a body its schema refuses must be answered 422; one
 * it accepts may still be refused by a model limit, the content policy or the vocabulary gate (422),
 * and is otherwise created (202) or served from the cache (200).
 */
export function expectedForCreateBody(body: unknown): readonly number[] {
  return CreateVideoRequest.safeParse(body).success ? [200, 202, 422] : [422];
}

const VALID = { prompt: "a red ball falls", num_inference_steps: 1, outputs: ["poster"] };

/** mulberry32: small, seeded, reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRONG_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.0001,
  1e308,
  -1e308,
  2 ** 53 + 1,
  "",
  " ",
  "64",
  "NaN",
  "Infinity",
  "1e3",
  [],
  [1, 2],
  {},
  { $gt: "" },
  "\u0000",
  "x".repeat(5000),
];

const ODD_PROMPTS = [
  "",
  " ",
  "\t\n  \r\n",
  "\u0000",
  "a\u0007bell",
  "\u200b\u200b\u200b",
  "\u202eevil right-to-left",
  "\ud800 lone high surrogate",
  "\udfff lone low surrogate",
  "e\u0301\u0301\u0301\u0301 combining",
  "🟡⚽️➡️🟦".repeat(50),
  "Z̷̧̛̗͎a̶̢͍l̸͚̈g̷̱̈o̵̖͝".repeat(20),
  "\ufeffBOM first",
  `%s%s%s%n{{7*7}}${"$"}{7*7}<script>alert(1)</script>`,
  "'; DROP TABLE videos; --",
  "x".repeat(1001),
  "y".repeat(20_000),
  "\u3000".repeat(2000),
  `${"a".repeat(999)}\u0301\u0301`,
  "\\u0000 escaped-looking",
];

type Json = Record<string, unknown>;

type BodyCase = { label: string; body: unknown; expect?: readonly number[] };

function videoBodies(random: () => number): BodyCase[] {
  const cases: BodyCase[] = [];
  const fields = [
    "prompt",
    "negative_prompt",
    "model",
    "width",
    "height",
    "num_frames",
    "fps",
    "num_inference_steps",
    "guidance_scale",
    "seed",
    "scheduler",
    "outputs",
    "webhook_url",
    "metadata",
    "template",
  ];
  for (const field of fields) {
    for (const value of WRONG_VALUES)
      cases.push({ label: `${field}=${preview(value)}`, body: { ...VALID, [field]: value } });
  }
  for (const prompt of ODD_PROMPTS) {
    cases.push({ label: `prompt ${preview(prompt)}`, body: { ...VALID, prompt } });
    cases.push({ label: `negative_prompt ${preview(prompt)}`, body: { ...VALID, negative_prompt: prompt } });
  }
  for (const size of [0, 1, 15, 17, 63, 65, 72, 128, 2048, 2064, 4096, -64, 64.0000001, 1e9]) {
    cases.push({ label: `width=${size}`, body: { ...VALID, width: size } });
    cases.push({ label: `height=${size}`, body: { ...VALID, height: size } });
    cases.push({ label: `num_frames=${size}`, body: { ...VALID, num_frames: size } });
  }
  for (const [label, extra] of [
    ["steps 0", { num_inference_steps: 0 }],
    ["steps 101", { num_inference_steps: 101 }],
    ["guidance 0.5", { guidance_scale: 0.5 }],
    ["guidance 21", { guidance_scale: 21 }],
    ["seed -1", { seed: -1 }],
    ["seed 2^32", { seed: 2 ** 32 }],
    ["seed 1.5", { seed: 1.5 }],
    ["fps 0", { fps: 0 }],
    ["fps 61", { fps: 61 }],
    ["scheduler ddim", { scheduler: "ddim" }],
    ["model unknown", { model: "wan-2.2-ti2v-5b" }],
    ["model uppercase", { model: "Shape-World" }],
    ["outputs empty", { outputs: [] }],
    ["outputs repeated", { outputs: ["mp4", "mp4"] }],
    ["outputs mov", { outputs: ["mov"] }],
    ["outputs too many", { outputs: ["mp4", "webm", "gif", "poster", "mp4"] }],
    ["webhook ftp", { webhook_url: "ftp://example.com/x" }],
    ["webhook not a url", { webhook_url: "not a url" }],
    ["webhook metadata ip", { webhook_url: "https://169.254.169.254/latest/meta-data" }],
    ["webhook private ip", { webhook_url: "https://10.0.0.1/hook" }],
    ["webhook credentials", { webhook_url: "https://user:pass@example.com/hook" }],
    ["webhook huge", { webhook_url: `https://example.com/${"a".repeat(3000)}` }],
    ["webhook javascript", { webhook_url: "javascript:alert(1)" }],
    ["metadata 17 keys", { metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"])) }],
    ["metadata long key", { metadata: { ["k".repeat(65)]: "v" } }],
    ["metadata long value", { metadata: { k: "v".repeat(501) } }],
    ["metadata nested", { metadata: { k: { deep: true } } }],
    ["metadata number", { metadata: { k: 1 } }],
    ["unknown field", { colour: "red" }],
    ["__proto__ field", JSON.parse('{"__proto__": {"admin": true}}')],
    ["constructor field", { constructor: { prototype: {} } }],
    ["template and prompt", { template: { id: "slide-in-to-center" } }],
    ["template unknown", { template: { id: "no-such-template" } }],
    ["template bad id", { template: { id: "Bad Id!" } }],
    ["template version 0", { template: { id: "slide-in-to-center", version: 0 } }],
    ["template version 999", { template: { id: "slide-in-to-center", version: 999 } }],
    ["template bad variable", { template: { id: "slide-in-to-center", variables: { color: "chartreuse" } } }],
    ["template unknown variable", { template: { id: "slide-in-to-center", variables: { nope: "x" } } }],
    ["template variable name", { template: { id: "slide-in-to-center", variables: { "Bad-Name": "x" } } }],
    ["template variable object", { template: { id: "slide-in-to-center", variables: { color: { a: 1 } } } }],
    ["template extra field", { template: { id: "slide-in-to-center", extra: 1 } }],
  ] as [string, Json][]) {
    const body: Json = { ...VALID, ...extra };
    if (label.startsWith("template") && label !== "template and prompt") delete body.prompt;
    cases.push({ label, body });
  }
  cases.push({ label: "no prompt", body: { num_inference_steps: 1 } });
  cases.push({ label: "empty object", body: {} });
  for (const top of [null, [], [VALID], "prompt", 42, true])
    cases.push({ label: `top-level ${preview(top)}`, body: top });
  // Seeded fuzz: random wrong values in random fields.
  for (let i = 0; i < 260; i++) {
    const body: Json = { ...VALID };
    const count = 1 + Math.floor(random() * 3);
    for (let j = 0; j < count; j++) {
      const field = fields[Math.floor(random() * fields.length)]!;
      body[field] = WRONG_VALUES[Math.floor(random() * WRONG_VALUES.length)];
    }
    cases.push({ label: `fuzz #${i} ${Object.keys(body).join(",")}`, body, expect: expectedForCreateBody(body) });
  }
  return cases;
}

const BAD_JSON = [
  `{"prompt":"a","metadata":{"k":${"[".repeat(5000)}"deep"${"]".repeat(5000)}}}`,
  "",
  "{",
  "}",
  "{'prompt': 'single quotes'}",
  '{"prompt": "trailing comma",}',
  '{"prompt": "a" "b"}',
  '{"prompt": NaN}',
  '{"prompt": undefined}',
  "null",
  "nul",
  '{"prompt": "unterminated',
  '{"prompt": "\\ud800"}',
  '{"prompt": "\\x41"}',
  "\ufeff{}",
  '{"a":1}{"b":2}',
  "[".repeat(10_000),
  '{"prompt":"a red ball falls"}garbage',
  "<xml/>",
  "prompt=a+red+ball",
];

const CONTENT_TYPES = [
  null,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=latin1",
  "application/jsonx",
  "application/problem+json",
  "*/*",
  "",
  "application/json\u00e9",
];

const BAD_IDS = [
  "nope",
  "vid_",
  "vid_short",
  "vid_%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00",
  "..%2F..%2Fetc%2Fpasswd",
  `vid_${"a".repeat(41)}`,
  `vid_${"a".repeat(5000)}`,
  "vid_AAAAAAAAAAAAAAAAAAAAAAAA",
  "shr_AAAAAAAAAAAAAAAAAAAAAAAA",
  "vid_%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80",
  "vid_%ZZ",
  "VID_AAAAAAAAAAAAAAAAAAAAAAAA",
  "'%20OR%201=1--",
  "%2e%2e",
];

const BAD_AUTH: { header: string }[] = [
  { header: "" },
  { header: "Bearer" },
  { header: "Bearer " },
  { header: "Bearer x" },
  { header: "bearer sr_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
  { header: "Bearer sr_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
  { header: "Bearer sr_test_" },
  { header: `Bearer sr_live_${"A".repeat(8000)}` },
  { header: "Basic dXNlcjpwYXNz" },
  { header: "Token abc" },
  { header: "Bearer sr_live_AAAA sr_live_BBBB" },
  { header: "Bearer\tsr_live_AAAA" },
  { header: "Bearer \u00e9\u00e8" },
];

function preview(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const json = (value: unknown) => JSON.stringify(value);

/** At least `minimum` malformed requests, the same ones for the same seed. */
export function generateMalformedRequests(seed = 7, minimum = 1000): MalformedRequest[] {
  const random = rng(seed);
  const out: MalformedRequest[] = [];
  const jsonHeaders = { "content-type": "application/json" };

  for (const { label, body, expect } of videoBodies(random)) {
    out.push({
      label: `POST /v1/videos ${label}`,
      method: "POST",
      path: "/v1/videos",
      auth: "key",
      headers: jsonHeaders,
      body: json(body),
      ...(expect ? { expect } : {}),
    });
  }
  for (const text of BAD_JSON) {
    out.push({
      label: `bad JSON ${preview(text)}`,
      method: "POST",
      path: "/v1/videos",
      auth: "key",
      headers: jsonHeaders,
      body: text,
    });
    out.push({
      label: `lint bad JSON ${preview(text)}`,
      method: "POST",
      path: "/v1/prompts/lint",
      auth: "key",
      headers: jsonHeaders,
      body: text,
    });
  }
  out.push({
    label: "invalid UTF-8 bytes",
    method: "POST",
    path: "/v1/videos",
    auth: "key",
    headers: jsonHeaders,
    body: new Uint8Array([0x7b, 0x22, 0x70, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  });
  for (const type of CONTENT_TYPES) {
    const headers: Record<string, string> = type === null ? {} : { "content-type": type };
    out.push({
      label: `content-type ${preview(type)}`,
      method: "POST",
      path: "/v1/videos",
      auth: "key",
      headers,
      body: json(VALID),
    });
    out.push({
      label: `lint content-type ${preview(type)}`,
      method: "POST",
      path: "/v1/prompts/lint",
      auth: "key",
      headers,
      body: json({ prompt: "a" }),
    });
  }
  for (const size of [64 * 1024 + 1, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024]) {
    const body = json({ ...VALID, prompt: "p".repeat(size) });
    out.push({
      label: `oversize ${size} B`,
      method: "POST",
      path: "/v1/videos",
      auth: "key",
      headers: jsonHeaders,
      body,
    });
    out.push({
      label: `oversize lint ${size} B`,
      method: "POST",
      path: "/v1/prompts/lint",
      auth: "key",
      headers: jsonHeaders,
      body,
    });
    out.push({
      label: `oversize lease ${size} B`,
      method: "POST",
      path: "/internal/runners/lease",
      auth: "runner",
      headers: jsonHeaders,
      body,
    });
  }
  for (const id of BAD_IDS) {
    for (const [method, suffix] of [
      ["GET", ""],
      ["DELETE", ""],
      ["POST", "/cancel"],
      ["GET", "/events"],
      ["GET", "/content?variant=mp4"],
    ] as const) {
      out.push({
        label: `${method} bad id ${id.slice(0, 30)}${suffix}`,
        method,
        path: `/v1/videos/${id}${suffix}`,
        auth: "key",
      });
    }
    out.push({ label: `template bad id ${id.slice(0, 30)}`, method: "GET", path: `/v1/templates/${id}`, auth: "key" });
    for (const suffix of ["", "/video.mp4"]) {
      out.push({
        label: `embed bad id ${id.slice(0, 30)}${suffix}`,
        method: "GET",
        path: `/embed/${id}${suffix}`,
        auth: null,
      });
    }
    out.push({
      label: `admin delete bad key id ${id.slice(0, 30)}`,
      method: "DELETE",
      path: `/admin/v1/keys/${id}`,
      auth: "admin",
    });
    for (const action of ["heartbeat", "complete", "fail"]) {
      out.push({
        label: `runner ${action} bad id ${id.slice(0, 30)}`,
        method: "POST",
        path: `/internal/jobs/${id}/${action}`,
        auth: "runner",
        headers: jsonHeaders,
        body: json({ lease_id: "lse_AAAAAAAAAAAAAAAA", progress: { stage: "denoise", step: 1, total_steps: 2 } }),
      });
    }
  }
  for (const query of [
    "limit=abc",
    "limit=0",
    "limit=101",
    "limit=-5",
    "limit=1e2",
    "limit=",
    "limit=1&limit=2",
    "status=bogus",
    "status=",
    `cursor=${"c".repeat(201)}`,
    "cursor=%FF%FE",
    "cursor=not-base64!!",
    "cursor=eyJ0IjoiYm9ndXMifQ",
  ]) {
    out.push({ label: `list ?${query.slice(0, 30)}`, method: "GET", path: `/v1/videos?${query}`, auth: "key" });
  }
  for (const variant of ["mov", "", "MP4", "poster%00", "gif&variant=webm"]) {
    out.push({
      label: `content variant ${variant}`,
      method: "GET",
      path: `/v1/videos/vid_AAAAAAAAAAAAAAAAAAAAAAAA/content?variant=${variant}`,
      auth: "key",
    });
  }
  for (const auth of BAD_AUTH) {
    for (const [method, path] of [
      ["GET", "/v1/videos"],
      ["POST", "/v1/videos"],
      ["GET", "/v1/usage"],
      ["POST", "/internal/runners/lease"],
      ["POST", "/admin/v1/keys"],
    ] as const) {
      out.push({
        label: `${method} ${path} auth ${preview(auth.header)}`,
        method,
        path,
        auth,
        headers: jsonHeaders,
        body: method === "POST" ? json(VALID) : undefined,
      });
    }
  }
  out.push({ label: "no auth at all", method: "GET", path: "/v1/videos", auth: null });
  for (const body of [
    {},
    { runner_id: "" },
    { runner_id: "r", models: [] },
    { runner_id: "r", models: ["BAD MODEL"] },
    { runner_id: "r", models: ["shape-world-tiny"], wait_ms: -1 },
    { runner_id: "r", models: ["shape-world-tiny"], wait_ms: 60_000 },
    { runner_id: "r".repeat(101), models: ["shape-world-tiny"] },
    { runner_id: 5, models: "shape-world-tiny" },
  ]) {
    out.push({
      label: `lease ${preview(body)}`,
      method: "POST",
      path: "/internal/runners/lease",
      auth: "runner",
      headers: jsonHeaders,
      body: json(body),
    });
  }
  for (const body of [
    {},
    { lease_id: "short" },
    { lease_id: "lse_AAAAAAAAAAAAAAAA", seed: -1, outputs: [] },
    {
      lease_id: "lse_AAAAAAAAAAAAAAAA",
      seed: 1,
      outputs: [{ variant: "mp4", key: "", bytes: -1, sha256: "x", content_type: "" }],
    },
    { lease_id: "lse_AAAAAAAAAAAAAAAA", code: "", message: "x", retryable: "yes" },
  ]) {
    for (const action of ["complete", "fail", "heartbeat"]) {
      out.push({
        label: `runner ${action} body ${preview(body)}`,
        method: "POST",
        path: `/internal/jobs/vid_AAAAAAAAAAAAAAAAAAAAAAAA/${action}`,
        auth: "runner",
        headers: jsonHeaders,
        body: json(body),
      });
    }
  }
  for (const body of [
    {},
    { tenant_id: "" },
    { tenant_id: "UPPER" },
    { tenant_id: "t", tier: "platinum" },
    { tenant_id: "t", scopes: [] },
    { tenant_id: "t", scopes: ["root"] },
    { tenant_id: "t", extra: 1 },
    { tenant_id: "t".repeat(65) },
  ]) {
    out.push({
      label: `admin create key ${preview(body)}`,
      method: "POST",
      path: "/admin/v1/keys",
      auth: "admin",
      headers: jsonHeaders,
      body: json(body),
    });
  }
  for (const body of [
    {},
    { prompt: 5 },
    { prompt: "" },
    { prompt: "x".repeat(1001) },
    { prompt: "a", extra: true },
    { prompt: null },
  ]) {
    out.push({
      label: `lint ${preview(body)}`,
      method: "POST",
      path: "/v1/prompts/lint",
      auth: "key",
      headers: jsonHeaders,
      body: json(body),
    });
  }
  for (const [method, path] of [
    ["PUT", "/v1/videos"],
    ["PATCH", "/v1/videos/vid_AAAAAAAAAAAAAAAAAAAAAAAA"],
    ["DELETE", "/v1/videos"],
    ["POST", "/v1/usage"],
    ["GET", "/v1/nope"],
    ["GET", "/internal/runners/lease"],
    ["GET", "/admin/v1/keys"],
    ["POST", "/v1/templates"],
    ["GET", "/v2/videos"],
    ["GET", "/v1/videos/"],
    ["GET", "//v1//videos"],
  ] as const) {
    out.push({
      label: `${method} ${path}`,
      method,
      path,
      auth: path.startsWith("/internal") ? "runner" : path.startsWith("/admin") ? "admin" : "key",
    });
  }
  for (const url of [
    "",
    "not-a-url",
    "http://evil.example/embed/shr_AAAAAAAAAAAAAAAAAAAA",
    "javascript:alert(1)",
    "x".repeat(5000),
  ]) {
    out.push({
      label: `oembed url=${preview(url)}`,
      method: "GET",
      path: `/oembed?url=${encodeURIComponent(url)}`,
      auth: null,
    });
  }
  out.push({ label: "oembed no url", method: "GET", path: "/oembed", auth: null });
  out.push({ label: "oembed format xml", method: "GET", path: "/oembed?url=x&format=xml", auth: null });
  // A valid body, so that the header alone decides: empty and 256 characters are refused, 255 pass.
  for (const [key, expect] of [
    ["", [422]],
    ["x".repeat(256), [422]],
    ["k".repeat(255), [202]],
  ] as const) {
    out.push({
      label: `idempotency-key ${preview(key)}`,
      method: "POST",
      path: "/v1/videos",
      auth: "key",
      headers: { ...jsonHeaders, "idempotency-key": key },
      body: json(VALID),
      expect,
    });
  }
  // Pad to the minimum with more seeded fuzz bodies.
  for (let i = 0; out.length < minimum; i++) {
    const body: Json = { ...VALID };
    const field = ["width", "height", "num_frames", "seed", "prompt", "outputs"][Math.floor(random() * 6)]!;
    body[field] = WRONG_VALUES[Math.floor(random() * WRONG_VALUES.length)];
    out.push({
      label: `pad fuzz #${i} ${field}`,
      method: "POST",
      path: "/v1/videos",
      auth: "key",
      headers: jsonHeaders,
      body: json(body),
      expect: expectedForCreateBody(body),
    });
  }
  return out;
}
