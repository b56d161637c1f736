import { lineOf, type JoinedText } from "./joined-text";
import type { NormalizedText } from "./normalized-text";

/** A sentence or list item of a document, as a range of its normalised text. Paragraphs matter
 *  because some headings ("攻关关键零部件。", "计算机断层成像系统（CT）。") govern the sentences
 *  that follow them up to the end of their paragraph. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** 1-based line of the original file on which the segment starts. */
  readonly line: number;
}

/** Sentence and clause-final punctuation after normalisation (；→; ！→! ？→?). */
const SENTENCE_END = new Set(["。", ";", "!", "?"]);
/** A line this much narrower than the document's usual width ends a paragraph (hard wrapping fills
 *  every line but the last of a paragraph). */
const SHORT_LINE_RATIO = 0.88;

const ENUMERATED = /^\s*(?:\d{1,2}[．.、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

/** Printed width: CJK and full-width characters take two columns, ASCII one. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line.trim()) w += ch.charCodeAt(0) < 0x2e80 ? 1 : 2;
  return w;
}

/** Offsets in the joined text before which a paragraph ends: after short lines, and at the block
 *  tags of the HTML fragment in 002. */
export function paragraphBreaks(raw: string, joined: JoinedText): number[] {
  const lines = raw.split("\n").map((l) => l.replace(/\r$/, ""));
  const lengths = lines.map(displayWidth).filter((n) => n > 0).sort((a, b) => a - b);
  const breaks: number[] = [];
  if (lengths.length >= 20) {
    const usual = lengths[Math.floor(lengths.length * 0.8)]!;
    const short = lines.map((l) => displayWidth(l) > 0 && displayWidth(l) < usual * SHORT_LINE_RATIO);
    const filled = lines.map((l) => displayWidth(l) > 0);
    const endsSentence = (l: string) => /[。；：！？;:!?]\s*$/.test(l);
    // A short neighbour that ends a sentence is the end of a paragraph, not a table cell.
    const neighbourShort = (i: number, step: number) => {
      for (let j = i + step; j >= 0 && j < lines.length; j += step) if (filled[j]) return short[j]! && !endsSentence(lines[j]!);
      return false;
    };
    lines.forEach((l, i) => {
      if (!short[i]) return;
      // A short line ends a paragraph when it ends a sentence, or stands alone between full lines (a
      // heading). Runs of short lines without punctuation are table cells ("13.10.4", "多排螺旋计算机
      // 断层扫", "描（CT）系统", "套") and are read as one text.
      if (endsSentence(l) || (!neighbourShort(i, -1) && !neighbourShort(i, 1))) breaks.push(joined.lineStarts[i + 1] ?? joined.text.length);
    });
  }
  // A numbered item ("3．疫苗。", "（二）…") that follows a finished sentence starts a paragraph even
  // when the sentence before it happened to fill its last line.
  let previous = "";
  lines.forEach((l, i) => {
    if (l.trim() === "") return;
    if (ENUMERATED.test(l) && /[。；;：:]\s*$/.test(previous)) breaks.push(joined.lineStarts[i] ?? 0);
    previous = l;
  });
  const block = /<\/?(?:p|div|br|h\d|li)\b[^<>]*>/gi;
  for (let m = block.exec(joined.text); m; m = block.exec(joined.text)) breaks.push(m.index);
  return breaks.sort((a, b) => a - b);
}

/** The first normalised offset whose raw offset is ≥ `raw`. */
function toNormalized(norm: NormalizedText, raw: number): number {
  let lo = 0;
  let hi = norm.toRaw.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.toRaw[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Splits a document into sentences and list items: at 。；！？, before the "——" that introduces
 *  list items in 000, and at paragraph ends. */
export function splitSegments(joined: JoinedText, norm: NormalizedText, rawBreaks: readonly number[]): Segment[] {
  const paragraphEnds = new Set(rawBreaks.map((b) => toNormalized(norm, b)));
  const text = norm.text;
  const segments: Segment[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /[\s,、:]/.test(text[s]!)) s++;
    if (end > s) segments.push({ start: s, end, paragraph, line: lineOf(joined, norm.toRaw[s]!) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (paragraphEnds.has(i) && i > start) {
      push(i);
      paragraph++;
    } else if (paragraphEnds.has(i)) {
      paragraph++;
    }
    if (text[i] === "-" && text[i + 1] === "-" && i > start) push(i);
    if (SENTENCE_END.has(text[i]!)) push(i + 1);
  }
  push(text.length);
  return segments;
}
