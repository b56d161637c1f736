/** Matching runs on a normalised view of the joined text, so that the surface variants the texts
 *  use (full-width and half-width brackets, "X 射线" with a space, HTML markup in 002, "PET—CT")
 *  meet the lexicon's forms, while quotes are still cut from the original text through `toRaw`. */
export interface NormalizedText {
  readonly text: string;
  /** `toRaw[i]` is the offset in the joined text of normalised character i. */
  readonly toRaw: Int32Array;
}

const DASHES = new Set(["\u2014", "\u2013", "\u2012", "\u2010", "\u2011", "\uFF0D", "\u2212"]);

/** One character's normalised form, or "" when it is dropped. Exported so that lexicon forms are
 *  normalised by exactly the same rule as document text. */
export function normalizeChar(ch: string): string {
  if (ch === "\u3000" || /\s/.test(ch)) return "";
  if (DASHES.has(ch)) return "-";
  const code = ch.charCodeAt(0);
  // Full-width ASCII (！ to ～) becomes ASCII: （ → (, ， → ",", ； → ";", Ｘ → X.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (ch === "\u3001") return "、";
  return ch;
}

export function normalizeForm(form: string): string {
  let out = "";
  for (const ch of stripMarkup(form)) out += normalizeChar(ch);
  return out;
}

function stripMarkup(s: string): string {
  return s.replace(/<\/?[A-Za-z][^<>]*>/g, "");
}

/** Normalises the joined text. HTML tags (only 002 has them) are dropped entirely. */
export function normalizeText(joined: string): NormalizedText {
  const toRaw = new Int32Array(joined.length);
  let text = "";
  let n = 0;
  const tag = /<\/?[A-Za-z][^<>]*>/g;
  let skipUntil = -1;
  let nextTag = tag.exec(joined);
  for (let i = 0; i < joined.length; i++) {
    while (nextTag && nextTag.index < i && nextTag.index + nextTag[0].length <= i) nextTag = tag.exec(joined);
    if (nextTag && nextTag.index === i) {
      skipUntil = i + nextTag[0].length;
      nextTag = tag.exec(joined);
    }
    if (i < skipUntil) continue;
    const out = normalizeChar(joined[i]!);
    for (let k = 0; k < out.length; k++) {
      text += out[k];
      toRaw[n++] = i;
    }
  }
  return { text, toRaw: toRaw.slice(0, n) };
}

/** The joined-text range [start, end) that normalised range [from, to) came from. */
export function rawRange(norm: NormalizedText, from: number, to: number): readonly [number, number] {
  return [norm.toRaw[from]!, norm.toRaw[to - 1]! + 1];
}
