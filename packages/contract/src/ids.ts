import { z } from "@hono/zod-openapi";

/** Public ids are prefixed, URL-safe and unguessable (>= 96 bits of randomness). */
export const VideoId = z
  .string()
  .regex(/^vid_[A-Za-z0-9]{16,40}$/, { error: "id must look like vid_<16-40 letters or digits>" })
  .openapi({ param: { name: "id", in: "path" }, example: "vid_3kTq9V0mXb2cLr8aZp1N" });

export const ShareId = z
  .string()
  .regex(/^shr_[A-Za-z0-9]{16,40}$/, { error: "shareId must look like shr_<16-40 letters or digits>" })
  .openapi({ param: { name: "shareId", in: "path" }, example: "shr_Yb7nQ2pLx0Vt4sKe9Ra1" });

export const KeyId = z
  .string()
  .regex(/^key_[A-Za-z0-9]{12,40}$/, { error: "id must look like key_<12-40 letters or digits>" })
  .openapi({ param: { name: "id", in: "path" }, example: "key_8sJd2Lq0Vn4x" });

export const TemplateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: "template id must be lowercase kebab-case (2-63 chars)" })
  .openapi({ param: { name: "id", in: "path" }, example: "slide-in-to-center" });

export const LeaseId = z.string().min(8).max(80).openapi({ example: "lse_Q1w2E3r4T5y6U7i8" });

export const Timestamp = z.string().datetime({ offset: true }).openapi({ example: "2026-11-25T14:42:36.000Z" });
