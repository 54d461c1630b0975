/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: gpu-runner/models/<id>/model_index.json (@sketchreel/models), read through the contract's
 * ModelCapabilities. Regenerate with `npm run generate` at the repo root.
 */
// biome-ignore-all lint: generated code
// biome-ignore-all format: generated code

import type { ModelCapabilities } from "@sketchreel/contract";

/** The model a request without `model` gets. */
export const DEFAULT_MODEL_ID = "shape-world-tiny";

/** The served models by id. Bump a package's `model_version` to invalidate its cached results. */
export const MODELS: Record<string, ModelCapabilities> = {
  "shape-world-tiny": {
    "model_id": "shape-world-tiny",
    "model_version": "2.1.0",
    "defaults": {
      "negative_prompt": "",
      "width": 64,
      "height": 64,
      "num_frames": 16,
      "fps": 8,
      "num_inference_steps": 20,
      "guidance_scale": 2,
      "scheduler": "unipc"
    },
    "limits": {
      "sizes": [
        [
          64,
          64
        ]
      ],
      "min_size": 64,
      "max_size": 64,
      "size_multiple": 16,
      "min_frames": 16,
      "max_frames": 16,
      "frames_multiple": 4,
      "max_steps": 100,
      "max_job_seconds": 120
    },
    "latent": {
      "spatial_compression": 8,
      "temporal_compression": 1,
      "temporal_rule": "divide",
      "spatial_rule": "compress"
    },
    "description": "The embedded shape-world model: one or two flat-coloured balls, squares and triangles that move between named places, stay put or stand above, below or beside each other; 64x64, 16 frames at 8 fps. It draws only the words it was trained on.",
    "examples": [
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
      "A red ball moves from the left to the right.",
      "A blue triangle falls from the top to the bottom.",
      "A white dot stays in the center.",
      "A red ball is above a blue square.",
      "A green triangle falls while a red ball rises."
    ],
    "vocabulary": {
      "grammar": "shape-world",
      "closed": true,
      "max_objects": 2,
      "max_tokens": 32,
      "roles": {
        "shapes": [
          "ball",
          "circle",
          "sphere",
          "dot",
          "square",
          "box",
          "cube",
          "block",
          "triangle"
        ],
        "colors": [
          "red",
          "green",
          "blue",
          "yellow",
          "purple",
          "orange",
          "white"
        ],
        "places": [
          "left",
          "right",
          "center",
          "centre",
          "middle",
          "top",
          "bottom",
          "top-left",
          "top-right",
          "bottom-left",
          "bottom-right",
          "left edge",
          "right edge",
          "top edge",
          "bottom edge"
        ],
        "verbs": [
          "moves",
          "rolls",
          "slides",
          "glides",
          "travels",
          "drifts",
          "falls",
          "rises",
          "stays",
          "remains",
          "sits",
          "sits still",
          "stays still",
          "is stationary",
          "remains stationary"
        ],
        "relations": [
          "above",
          "below",
          "to the left of",
          "to the right of"
        ],
        "counts": [],
        "formations": []
      },
      "count_values": {},
      "synonyms": {
        "pink": [
          "red"
        ],
        "crimson": [
          "red"
        ],
        "maroon": [
          "red"
        ],
        "scarlet": [
          "red"
        ],
        "violet": [
          "purple"
        ],
        "indigo": [
          "purple"
        ],
        "magenta": [
          "purple"
        ],
        "lilac": [
          "purple"
        ],
        "gold": [
          "yellow"
        ],
        "golden": [
          "yellow"
        ],
        "lime": [
          "green"
        ],
        "teal": [
          "green"
        ],
        "cyan": [
          "blue"
        ],
        "turquoise": [
          "blue"
        ],
        "navy": [
          "blue"
        ],
        "black": [
          "white"
        ],
        "gray": [
          "white"
        ],
        "grey": [
          "white"
        ],
        "silver": [
          "white"
        ],
        "brown": [
          "orange"
        ],
        "beige": [
          "orange"
        ],
        "rectangle": [
          "square"
        ],
        "diamond": [
          "square"
        ],
        "cylinder": [
          "square"
        ],
        "oval": [
          "ball"
        ],
        "ring": [
          "ball"
        ],
        "ellipse": [
          "ball"
        ],
        "pyramid": [
          "triangle"
        ],
        "cone": [
          "triangle"
        ],
        "jumps": [
          "moves"
        ],
        "bounces": [
          "moves"
        ],
        "goes": [
          "moves"
        ],
        "runs": [
          "moves"
        ],
        "flies": [
          "glides"
        ],
        "floats": [
          "drifts"
        ],
        "drops": [
          "falls"
        ],
        "sinks": [
          "falls"
        ],
        "descends": [
          "falls"
        ],
        "climbs": [
          "rises"
        ],
        "ascends": [
          "rises"
        ],
        "waits": [
          "stays"
        ],
        "rests": [
          "stays"
        ],
        "stands": [
          "stays"
        ],
        "over": [
          "above"
        ],
        "under": [
          "below"
        ],
        "beneath": [
          "below"
        ],
        "underneath": [
          "below"
        ],
        "beside": [
          "to the left of",
          "to the right of"
        ],
        "next": [
          "to the left of",
          "to the right of"
        ],
        "upper": [
          "top"
        ],
        "lower": [
          "bottom"
        ],
        "!": [
          "."
        ],
        "?": [
          "."
        ],
        ";": [
          ","
        ],
        ":": [
          ","
        ]
      },
      "function_words": [
        "a",
        "an",
        "the",
        "from",
        "to",
        "at",
        "in",
        "on",
        "of",
        "near",
        "and",
        "while",
        "as",
        "is",
        "up",
        "down",
        "side",
        "corner",
        "screen",
        ",",
        "-",
        "."
      ]
    }
  }
};
