import type { FieldError, Template } from "@sketchreel/contract";
import { findTemplate, versionsOf } from "./catalog.js";

export interface TemplateRefInput {
  id: string;
  version?: number | undefined;
  variables?: Record<string, string | number> | undefined;
}

export interface RenderedTemplate {
  template: Template;
  prompt: string;
  variables: Record<string, string | number>;
}

export type RenderResult = { ok: true; value: RenderedTemplate } | { ok: false; errors: FieldError[] };

/**
 * Resolve a template reference: pick the version, check every variable against its type
 * (errors name `template.variables.<name>` and list the allowed values), fill defaults, render.
 */
export function renderTemplate(ref: TemplateRefInput, modelId: string): RenderResult {
  const template = findTemplate(ref.id, ref.version);
  if (!template) {
    const versions = versionsOf(ref.id);
    if (versions.length === 0) {
      return fail("template.id", "unknown_template", `template.id: no template named "${ref.id}"`);
    }
    return fail(
      "template.version",
      "enum",
      `template.version must be one of ${versions.join(", ")} for ${ref.id} (got ${ref.version})`,
    );
  }
  if (!template.models.includes(modelId)) {
    const models = template.models.join(", ");
    return fail("template.id", "model_mismatch", `template ${template.id} is written for ${models}, not ${modelId}`);
  }
  const given = ref.variables ?? {};
  const errors: FieldError[] = [];
  const known = new Set(template.variables.map((v) => v.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const field = `template.variables.${name}`;
      errors.push({
        field,
        rule: "unknown_field",
        message: `${field} is not a variable of ${template.id} (known: ${[...known].join(", ")})`,
      });
    }
  }
  const values: Record<string, string | number> = {};
  for (const variable of template.variables) {
    const field = `template.variables.${variable.name}`;
    const value = given[variable.name] ?? variable.default;
    if (value === undefined) {
      if (variable.required) errors.push({ field, rule: "required", message: `${field} is required` });
      continue;
    }
    if (variable.type === "number" && typeof value !== "number") {
      errors.push({ field, rule: "type", message: `${field} must be a number (got ${JSON.stringify(value)})` });
    } else if (variable.type !== "number" && typeof value !== "string") {
      errors.push({ field, rule: "type", message: `${field} must be a string (got ${JSON.stringify(value)})` });
    } else if (variable.type === "enum" && !variable.enum?.includes(String(value))) {
      const allowed = variable.enum?.join(", ") ?? "";
      errors.push({
        field,
        rule: "enum",
        message: `${field} must be one of ${allowed} (got ${JSON.stringify(value)})`,
      });
    } else {
      values[variable.name] = value;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const prompt = template.prompt.replace(/\{([a-z][a-z0-9_]*)\}/g, (_, name: string) => String(values[name] ?? ""));
  return { ok: true, value: { template, prompt, variables: values } };
}

function fail(field: string, rule: string, message: string): RenderResult {
  return { ok: false, errors: [{ field, rule, message }] };
}
