import { z } from "@hono/zod-openapi";

export const OEmbedQuery = z.object({
  url: z
    .string({ error: "url is required" })
    .url({ error: "url must be an absolute URL" })
    .openapi({ param: { name: "url", in: "query" } }),
  maxwidth: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ param: { name: "maxwidth", in: "query" } }),
  maxheight: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ param: { name: "maxheight", in: "query" } }),
  format: z
    .enum(["json"], { error: "format must be json" })
    .default("json")
    .openapi({ param: { name: "format", in: "query" } }),
});

export const OEmbed = z
  .object({
    type: z.literal("video"),
    version: z.literal("1.0"),
    title: z.string(),
    provider_name: z.string(),
    provider_url: z.string().url(),
    html: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    thumbnail_url: z.string().url().optional(),
    thumbnail_width: z.number().int().optional(),
    thumbnail_height: z.number().int().optional(),
  })
  .openapi("OEmbed");
