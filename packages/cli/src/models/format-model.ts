import type { Model } from "@sketchreel/contract";

const ROLE_LABELS = {
  shapes: "shapes",
  colors: "colours",
  places: "places",
  verbs: "verbs",
  relations: "relations",
  counts: "counts",
  formations: "formations",
} as const;

/** A model as `sketchreel models` prints it: what it makes, the words it knows, prompts to start from. */
export function formatModel(model: Model): string {
  const sizes = model.sizes
    ? model.sizes.map((s) => `${s.width}x${s.height}`).join(", ")
    : `${model.size_range.min}-${model.size_range.max}, multiples of ${model.size_range.multiple}`;
  const durations = model.frame_counts.map((frames, i) => `${model.durations[i]} s (${frames} frames)`).join(", ");
  const lines = [
    `${model.id} ${model.version}${model.default ? " (default)" : ""}`,
    ...(model.description ? [`  ${model.description}`] : []),
    `  sizes       ${sizes}`,
    `  durations   ${durations} at ${model.fps} fps`,
    `  steps       ${model.steps.min}-${model.steps.max}, default ${model.steps.default}`,
    `  guidance    ${model.guidance_scale.min}-${model.guidance_scale.max}, default ${model.guidance_scale.default}`,
    ...vocabularyLines(model.vocabulary),
  ];
  if (model.examples.length > 0) lines.push("  examples", ...model.examples.map((e) => `    ${e}`));
  return lines.join("\n");
}

function vocabularyLines(vocabulary: Model["vocabulary"]): string[] {
  if (!vocabulary?.closed) return ["  vocabulary  open: any prompt"];
  const limits = [
    ...(vocabulary.max_objects === undefined ? [] : [`at most ${vocabulary.max_objects} objects`]),
    ...(vocabulary.max_tokens === undefined ? [] : [`${vocabulary.max_tokens} tokens`]),
  ];
  const roles = Object.entries(ROLE_LABELS)
    .map(([role, label]) => [label, vocabulary.roles[role as keyof typeof ROLE_LABELS]] as const)
    .filter(([, words]) => words.length > 0)
    .map(([label, words]) => `    ${label.padEnd(11)} ${words.join(", ")}`);
  const glue =
    vocabulary.function_words.length > 0 ? [`    ${"and".padEnd(11)} ${vocabulary.function_words.join(" ")}`] : [];
  return [
    `  vocabulary  closed${limits.length > 0 ? `: ${limits.join(", ")}` : ""}; only these words:`,
    ...roles,
    ...glue,
  ];
}
