/**
 * Term lists per content-policy category. Terms are matched on normalized text (see safety.ts), as
 * whole words or word sequences. Keep entries lowercase ASCII; add words, never regexes.
 */
export const SAFETY_TERMS = {
  sexual: [
    "porn",
    "porno",
    "pornographic",
    "nude",
    "nudes",
    "naked",
    "nsfw",
    "hentai",
    "sex scene",
    "explicit sex",
    "genitals",
    "stripper",
  ],
  violence: [
    "gore",
    "gory",
    "decapitate",
    "decapitated",
    "beheading",
    "behead",
    "dismember",
    "dismembered",
    "massacre",
    "mutilated",
    "bloodbath",
    "torture",
  ],
  self_harm: ["suicide", "self harm", "self-harm", "cutting myself", "kill myself", "hang myself"],
  hate: ["nazi", "swastika", "white power", "ethnic cleansing", "genocide", "heil"],
  weapons: ["bomb making", "pipe bomb", "build a bomb", "make a bomb", "nerve agent"],
} as const satisfies Record<string, readonly string[]>;

export type SafetyCategory = keyof typeof SAFETY_TERMS;
