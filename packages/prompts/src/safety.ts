import { removeHiddenCharacters } from "@sketchreel/contract";
import { SAFETY_TERMS, type SafetyCategory } from "./safety-terms.js";

export interface SafetyHit {
  category: SafetyCategory;
  term: string;
}

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/**
 * Letters of other scripts that look like Latin ones (Unicode's confusables for the letters the
 * term lists use), folded before matching so "nаked" with a Cyrillic "а" is "naked".
 */
const CONFUSABLES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ї: "i",
  ј: "j",
  һ: "h",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ӏ: "l",
  ɡ: "g",
  ɑ: "a",
  ı: "i",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  ո: "n",
  ս: "u",
  օ: "o",
  ց: "g",
  հ: "h",
  ᴀ: "a",
  ʙ: "b",
  ᴄ: "c",
  ᴅ: "d",
  ᴇ: "e",
  ɢ: "g",
  ʜ: "h",
  ɪ: "i",
  ᴊ: "j",
  ᴋ: "k",
  ʟ: "l",
  ᴍ: "m",
  ɴ: "n",
  ᴏ: "o",
  ᴘ: "p",
  ʀ: "r",
  ꜱ: "s",
  ᴛ: "t",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ʏ: "y",
  ᴢ: "z",
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu");

/**
 * Normalize for matching: hidden characters removed, compatibility forms, no diacritics, lowercase,
 * look-alike letters of other scripts folded to Latin, common digit/symbol substitutions, runs of
 * one letter collapsed, everything else a single space.
 */
export function normalizeForSafety(text: string): string {
  return removeHiddenCharacters(text)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(CONFUSABLE_RE, (ch) => CONFUSABLES[ch] ?? ch)
    .replace(/[013457@$]/g, (ch) => LEET[ch] ?? ch)
    .replace(/[^a-z]+/g, " ")
    .replace(/([a-z])\1+/g, "$1")
    .trim();
}

/** Runs of three or more single letters ("n u d e" from "n.u.d.e"), joined: spelled-out words. */
function spelledOutRuns(normalized: string): string[] {
  return [...normalized.matchAll(/\b(?:[a-z] ){2,}[a-z]\b/g)].map((m) => m[0].replace(/ /g, ""));
}

const COMPILED = (Object.entries(SAFETY_TERMS) as [SafetyCategory, readonly string[]][]).flatMap(([category, terms]) =>
  terms.map((term) => ({
    category,
    term,
    needle: ` ${normalizeForSafety(term)} `,
    joined: normalizeForSafety(term).replace(/ /g, ""),
  })),
);

/** The first policy term found in `text`, or null. Whole words only: "class" never matches "ass". */
export function checkContentSafety(...texts: string[]): SafetyHit | null {
  for (const text of texts) {
    const normalized = normalizeForSafety(text);
    const haystack = ` ${normalized} `;
    const runs = spelledOutRuns(normalized);
    for (const { category, term, needle, joined } of COMPILED) {
      if (haystack.includes(needle)) return { category, term };
      if (joined.length >= 4 && runs.some((run) => run.includes(joined))) return { category, term };
    }
  }
  return null;
}
