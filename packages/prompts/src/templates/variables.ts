import type { Template } from "@sketchreel/contract";
import { COLORS, PLACES, SHAPES } from "@sketchreel/shape-world";

type Variable = Template["variables"][number];

/** Typed variable builders in the shape world's vocabulary (imported, never copied). */
export function colorVar(name: string, description: string, fallback: string): Variable {
  return { name, type: "enum", description, enum: [...COLORS], default: fallback, required: false };
}

export function shapeVar(name: string, description: string, fallback: string): Variable {
  return { name, type: "enum", description, enum: [...SHAPES], default: fallback, required: false };
}

export function placeVar(name: string, description: string, fallback: string, only?: readonly string[]): Variable {
  const allowed = only ?? PLACES;
  return { name, type: "enum", description, enum: [...allowed], default: fallback, required: false };
}

export const CORNERS = ["top-left", "top-right", "bottom-left", "bottom-right"] as const;
