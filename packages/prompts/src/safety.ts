import { SAFETY_TERMS, type SafetyCategory } from "./safety-terms.js";

export interface SafetyHit {
  category: SafetyCategory;
  term: string;
}

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/**
 * Normalize for matching: compatibility forms, no diacritics, lowercase, common digit/symbol
 * substitutions, runs of one letter collapsed, everything else a single space.
 */
export function normalizeForSafety(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
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
