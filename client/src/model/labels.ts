import type { Lang, LocalizedName } from "./types";

/** The name in the chosen language, else the other one, else the id (analyst data may lack both). */
export function nameIn(name: LocalizedName, lang: Lang, id: string): string {
  const first = lang === "zh" ? name.zh : name.en;
  const second = lang === "zh" ? name.en : name.zh;
  return nonBlank(first) ?? nonBlank(second) ?? id;
}

function nonBlank(s: string | null): string | null {
  return s !== null && s.trim() !== "" ? s : null;
}

/** Display width: CJK and other wide characters count two, so both languages truncate alike. */
function width(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
}

export const LABEL_WIDTH = 26;

/** Truncates to a display width with an ellipsis; the full text stays available on demand. Control
 *  and bidi-override characters are dropped from the label so imported text cannot reorder it. */
export function truncateLabel(text: string, max = LABEL_WIDTH): string {
  const clean = [...text].map((ch) => (isControlOrBidi(ch) ? " " : ch)).join("").replace(/\s+/g, " ").trim();
  let w = 0;
  let out = "";
  for (const ch of clean) {
    const cw = width(ch);
    if (w + cw > max - 1) return `${out}…`;
    w += cw;
    out += ch;
  }
  return out;
}

/** C0 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
export function isControlOrBidi(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || c === 0x7f || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
