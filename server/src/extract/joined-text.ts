/** The documents are hard-wrapped: a sentence runs over several lines. Evidence quotes are taken
 *  from the text with the line breaks removed, and cite the line where the quote starts. This
 *  module owns that mapping in both directions. */
export interface JoinedText {
  /** The file's text without "\n" and "\r"; nothing else changes. */
  readonly text: string;
  /** `lineStarts[i]` is the offset in `text` where line i + 1 of the file begins. */
  readonly lineStarts: readonly number[];
}

export function joinLines(raw: string): JoinedText {
  const lineStarts: number[] = [0];
  let text = "";
  let chunkStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || c === 13) {
      text += raw.slice(chunkStart, i);
      chunkStart = i + 1;
      if (c === 10) lineStarts.push(text.length);
    }
  }
  text += raw.slice(chunkStart);
  return { text, lineStarts };
}

/** The 1-based line on which the character at `offset` of the joined text stands. Blank lines
 *  start at the same offset as the next non-blank line; the last of them is the line that holds
 *  the character, so the search takes the last line start ≤ offset. */
export function lineOf(joined: JoinedText, offset: number): number {
  const starts = joined.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offsets in the joined text covered by a 1-based line: [start, end). */
export function lineRange(joined: JoinedText, line: number): readonly [number, number] {
  const start = joined.lineStarts[line - 1] ?? joined.text.length;
  const end = joined.lineStarts[line] ?? joined.text.length;
  return [start, end];
}
