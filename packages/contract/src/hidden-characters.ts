/**
 * Characters a reader cannot see but a model, a filter or a browser acts on: zero-width and other
 * format characters (ZWSP, ZWJ, ZWNJ, word joiner, BOM, soft hyphen, invisible math operators, tags),
 * bidirectional overrides and isolates, Hangul and Braille fillers. Text with one is refused: it
 * would hide words from the safety filter and reorder what the public embed page shows.
 */
const HIDDEN = /\p{Cf}|\u034F|[\u115F\u1160\u180E\u2800\u3164\uFFA0]/u;

const NAMES: Record<number, string> = {
  173: "soft hyphen",
  847: "combining grapheme joiner",
  1564: "arabic letter mark",
  6158: "mongolian vowel separator",
  8203: "zero width space",
  8204: "zero width non-joiner",
  8205: "zero width joiner",
  8206: "left-to-right mark",
  8207: "right-to-left mark",
  8234: "left-to-right embedding",
  8235: "right-to-left embedding",
  8236: "pop directional formatting",
  8237: "left-to-right override",
  8238: "right-to-left override",
  8288: "word joiner",
  8294: "left-to-right isolate",
  8295: "right-to-left isolate",
  8296: "first strong isolate",
  8297: "pop directional isolate",
  10240: "braille pattern blank",
  12644: "hangul filler",
  65279: "zero width no-break space",
};

export interface HiddenCharacter {
  /** UTF-16 index in the text as sent. */
  index: number;
  /** "U+200B". */
  codePoint: string;
  name: string;
}

/** A zero width joiner inside an emoji sequence (👩‍🚀) is how the emoji is spelled, not a hidden character. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/uy;

/** The first invisible or direction-control character of `text`, or null. */
export function findHiddenCharacter(text: string): HiddenCharacter | null {
  const hidden = new RegExp(HIDDEN.source, "gu");
  let match: RegExpExecArray | null = hidden.exec(text);
  for (; match; match = hidden.exec(text)) {
    EMOJI_JOINER.lastIndex = match.index;
    if (!EMOJI_JOINER.test(text)) break;
  }
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  return {
    index: match.index,
    codePoint: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
    name: NAMES[code] ?? "invisible format character",
  };
}

/** `text` without any invisible or direction-control character (so none can split a word). */
export function removeHiddenCharacters(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, "gu"), "");
}
