import { z } from "@hono/zod-openapi";
import { TemplateId } from "./ids.js";
import { ModelId, ResolvedParams, TemplateValue } from "./params.js";

export const TemplateVariable = z
  .object({
    name: z.string(),
    type: z.enum(["enum", "string", "number"]),
    description: z.string(),
    enum: z.array(z.string()).optional(),
    default: TemplateValue.optional(),
    required: z.boolean(),
  })
  .openapi("TemplateVariable");

export const Template = z
  .object({
    id: TemplateId,
    object: z.literal("template"),
    version: z.number().int().positive(),
    name: z.string(),
    description: z.string(),
    prompt: z.string().openapi({
      description: "Prompt with {variable} placeholders.",
      example: "a {color} {shape} slides in from the left edge and stops at the center",
    }),
    negative_prompt: z.string().optional(),
    variables: z.array(TemplateVariable),
    defaults: ResolvedParams.omit({ seed: true, scheduler: true }).partial(),
    models: z.array(ModelId).openapi({ description: "Models whose vocabulary the template is written for." }),
  })
  .openapi("Template");
export type Template = z.infer<typeof Template>;

export const TemplateList = z.object({ object: z.literal("list"), data: z.array(Template) }).openapi("TemplateList");
