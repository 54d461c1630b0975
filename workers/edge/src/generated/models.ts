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
    "model_version": "3.2.0",
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
        ],
        [
          128,
          128
        ],
        [
          256,
          256
        ],
        [
          256,
          144
        ]
      ],
      "min_size": 64,
      "max_size": 256,
      "size_multiple": 16,
      "min_frames": 8,
      "max_frames": 32,
      "frames_multiple": 8,
      "max_steps": 100,
      "max_job_seconds": 120
    },
    "latent": {
      "spatial_compression": 8,
      "temporal_compression": 1,
      "temporal_rule": "divide",
      "spatial_rule": "grid",
      "grid_short_side": 8
    },
    "description": "The embedded shape-world model (world v2): one to six flat-coloured balls, squares and triangles that move between named places, fall, rise, stay put, stand above, below, beside or between each other, circle the center or go back and forth; groups of two to five in a row, a column or a circle, standing or moving as one. 64x64, 128x128, 256x256 or 256x144; 8 to 32 frames at 8 fps; a different seed gives a different layout. It draws only the words it was trained on.",
    "examples": [
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
      "Three red balls in a row slide from the top to the bottom.",
      "A white ball stands in the middle of a circle of five yellow dots.",
      "A row of four green squares along the bottom, while a purple triangle circles around the center.",
      "A red ball sits between a blue square and a green triangle.",
      "An orange box moves back and forth between the left and the right."
    ],
    "vocabulary": {
      "grammar": "shape-world",
      "closed": true,
      "max_objects": 6,
      "max_things": 4,
      "max_tokens": 48,
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
          "triangle",
          "balls",
          "circles",
          "spheres",
          "dots",
          "squares",
          "boxes",
          "cubes",
          "blocks",
          "triangles"
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
          "remains stationary",
          "circles",
          "orbits",
          "stands",
          "move",
          "roll",
          "slide",
          "glide",
          "travel",
          "drift",
          "fall",
          "rise",
          "stay",
          "remain",
          "sit",
          "sit still",
          "are stationary",
          "stand"
        ],
        "relations": [
          "above",
          "below",
          "to the left of",
          "to the right of",
          "between",
          "in the middle of",
          "at the center of"
        ],
        "counts": [
          "two",
          "three",
          "four",
          "five"
        ],
        "formations": [
          "row",
          "column",
          "circle"
        ]
      },
      "count_values": {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5
      },
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
        "from",
        "on",
        "near",
        "and",
        "while",
        "as",
        "up",
        "down",
        "side",
        "corner",
        "screen",
        ",",
        ".",
        "along",
        "around",
        "starting",
        "back",
        "forth",
        "frame",
        "canvas",
        "scene",
        "picture",
        "image"
      ]
    }
  }
};
