import type { Template } from "@sketchreel/contract";
import { CORNERS, colorVar, placeVar, shapeVar } from "./variables.js";

const SHAPE_WORLD = ["shape-world-tiny"];
const color = (fallback: string, name = "color", what = "Color of the object.") => colorVar(name, what, fallback);
const shape = (fallback: string, name = "shape", what = "Shape of the object.") => shapeVar(name, what, fallback);

type Entry = Omit<Template, "object" | "models"> & { models?: string[] };

/**
 * Every version of every template. A version is immutable once published: change the prompt by
 * adding a version. `GET /v1/templates` lists the latest version of each id.
 */
const ENTRIES: Entry[] = [
  {
    id: "slide-in-to-center",
    version: 1,
    name: "Slide in to center",
    description: "A product shot: the object slides in from the left and stops at the center.",
    prompt: "a {color} {shape} slides from the left to the center",
    variables: [color("yellow"), shape("square")],
    defaults: {},
  },
  {
    id: "slide-in-to-center",
    version: 2,
    name: "Slide in to center",
    description: "A product shot: the object slides in from the left edge and stops at the center.",
    prompt: "a {color} {shape} slides from the left edge to the center",
    variables: [color("yellow"), shape("square")],
    defaults: {},
  },
  {
    id: "title-rises",
    version: 1,
    name: "Title rises",
    description: "A title card: the object rises from the bottom to the top.",
    prompt: "a {color} {shape} rises from the bottom to the top",
    variables: [color("white"), shape("square")],
    defaults: {},
  },
  {
    id: "drop-in",
    version: 1,
    name: "Drop in",
    description: "The object falls from the top to the bottom.",
    prompt: "a {color} {shape} falls from the top to the bottom",
    variables: [color("red"), shape("ball")],
    defaults: {},
  },
  {
    id: "move-between",
    version: 1,
    name: "Move between places",
    description: "The object moves from one named place to another.",
    prompt: "a {color} {shape} moves from the {from} to the {to}",
    variables: [
      color("blue"),
      shape("ball"),
      placeVar("from", "Start place.", "left"),
      placeVar("to", "End place.", "right"),
    ],
    defaults: {},
  },
  {
    id: "hold-position",
    version: 1,
    name: "Hold position",
    description: "A still object at a named place: a logo holding its spot.",
    prompt: "a {color} {shape} stays at the {place}",
    variables: [color("purple"), shape("triangle"), placeVar("place", "Where it stays.", "center")],
    defaults: {},
  },
  {
    id: "roll-past-anchor",
    version: 1,
    name: "Roll past an anchor",
    description: "The seed case: one object rolls to the center while another stays on the right.",
    prompt:
      "a {color} {shape} rolls from the left edge to the center while a {anchor_color} {anchor_shape} remains stationary on the right",
    variables: [
      color("yellow"),
      shape("ball"),
      color("blue", "anchor_color", "Color of the still object."),
      shape("square", "anchor_shape", "Shape of the still object."),
    ],
    defaults: {},
  },
  {
    id: "stacked-pair",
    version: 1,
    name: "Stacked pair",
    description: "Two still objects, one above the other.",
    prompt: "a {top_color} {top_shape} sits still above a {bottom_color} {bottom_shape}",
    variables: [
      color("orange", "top_color", "Color of the upper object."),
      shape("triangle", "top_shape", "Shape of the upper object."),
      color("green", "bottom_color", "Color of the lower object."),
      shape("square", "bottom_shape", "Shape of the lower object."),
    ],
    defaults: {},
  },
  {
    id: "side-by-side",
    version: 1,
    name: "Side by side",
    description: "Two still objects, one to the left of the other.",
    prompt: "a {left_color} {left_shape} stays to the left of a {right_color} {right_shape}",
    variables: [
      color("red", "left_color", "Color of the left object."),
      shape("ball", "left_shape", "Shape of the left object."),
      color("blue", "right_color", "Color of the right object."),
      shape("square", "right_shape", "Shape of the right object."),
    ],
    defaults: {},
  },
  {
    id: "crossing-paths",
    version: 1,
    name: "Crossing paths",
    description: "Two objects swap sides.",
    prompt:
      "a {color} {shape} moves from the left to the right while a {other_color} {other_shape} moves from the right to the left",
    variables: [
      color("green"),
      shape("ball"),
      color("orange", "other_color", "Color of the second object."),
      shape("triangle", "other_shape", "Shape of the second object."),
    ],
    defaults: {},
  },
  {
    id: "corner-to-corner",
    version: 1,
    name: "Corner to corner",
    description: "A diagonal drift between two corners.",
    prompt: "a {color} {shape} drifts from the {from} to the {to}",
    variables: [
      color("white"),
      shape("ball"),
      placeVar("from", "Start corner.", "top-left", CORNERS),
      placeVar("to", "End corner.", "bottom-right", CORNERS),
    ],
    defaults: {},
  },
  {
    id: "exit-right",
    version: 1,
    name: "Exit right",
    description: "An outro: the object glides from the center to the right edge.",
    prompt: "a {color} {shape} glides from the center to the right edge",
    variables: [color("blue"), shape("square")],
    defaults: {},
  },
  {
    id: "drop-beside-anchor",
    version: 1,
    name: "Drop beside an anchor",
    description: "One object falls while another stays on the left.",
    prompt:
      "a {color} {shape} falls from the top to the bottom while a {anchor_color} {anchor_shape} stays on the left",
    variables: [
      color("yellow"),
      shape("triangle"),
      color("purple", "anchor_color", "Color of the still object."),
      shape("square", "anchor_shape", "Shape of the still object."),
    ],
    defaults: {},
  },
  {
    id: "slow-rise",
    version: 1,
    name: "Slow rise",
    description: "A longer, gentler rise for hero shots (more steps).",
    prompt: "a {color} {shape} rises from the bottom edge to the center",
    variables: [color("orange"), shape("ball")],
    defaults: { num_inference_steps: 30, guidance_scale: 5 },
  },
];

export const TEMPLATE_VERSIONS: readonly Template[] = ENTRIES.map((entry) => ({
  ...entry,
  object: "template",
  models: entry.models ?? SHAPE_WORLD,
}));

/** Latest version of each template id, in catalog order. */
export function listLatestTemplates(): Template[] {
  const latest = new Map<string, Template>();
  for (const t of TEMPLATE_VERSIONS) {
    const seen = latest.get(t.id);
    if (!seen || seen.version < t.version) latest.set(t.id, t);
  }
  return [...latest.values()];
}

/** One template by id, the latest version unless `version` pins one. */
export function findTemplate(id: string, version?: number): Template | undefined {
  if (version === undefined) return listLatestTemplates().find((t) => t.id === id);
  return TEMPLATE_VERSIONS.find((t) => t.id === id && t.version === version);
}

export function versionsOf(id: string): number[] {
  return TEMPLATE_VERSIONS.filter((t) => t.id === id).map((t) => t.version);
}
