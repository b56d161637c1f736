/*
 * Reading JSON text as UTF-8 bytes, for the parts of a graph file that are read without JSON.parse
 * (see read-graph-bytes.ts). Each function either recognises exactly what JSON.parse would read at
 * a position, or answers NOT_PLAIN and leaves the decision to JSON.parse; none of them accepts text
 * JSON.parse would reject.
 */

/** What a reader returns for input it does not handle: the caller falls back to JSON.parse. */
export const NOT_PLAIN = -1;

// Local constants, exported at the end: code reading an `export const` in its own module compiles
// to a property load from the exports object, which the byte loops here would pay per byte.
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
export { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE };

/** 1 for the bytes a plain string holds: printable ASCII other than `"` and `\\` (one table entry
 *  per byte, instead of several range tests). */
const PLAIN = new Uint8Array(256);
for (let c = SPACE; c < 0x7f; c++) if (c !== QUOTE && c !== BACKSLASH) PLAIN[c] = 1;

/** The position of the first byte at or after `p` that is not JSON white space. */
export function skipSpace(b: Uint8Array, p: number): number {
  let c = b[p];
  // Most calls find no white space at all: one comparison for them.
  if (c !== undefined && c > SPACE) return p;
  while (isSpace(c)) c = b[++p];
  return p;
}

/** Whether `c` is JSON white space (undefined, past the end of the text, is not). */
export function isSpace(c: number | undefined): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** The part of TextDecoder used here. graph-schema compiles against the ECMAScript library alone
 *  (no DOM or Node types), so the global that Node and browsers both provide is typed here. */
interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
const TextDecoderOfPlatform = (globalThis as unknown as { TextDecoder: new (label: string, options: { ignoreBOM: boolean }) => Utf8Decoder }).TextDecoder;

/** UTF-8 as Node's Buffer#toString decodes it for JSON.parse: invalid bytes become U+FFFD and a
 *  byte order mark stays a character (which JSON.parse rejects), not a marker to drop. */
export const utf8: Utf8Decoder = new TextDecoderOfPlatform("utf-8", { ignoreBOM: true });

/**
 * For a string whose opening quote is at p - 1: the position of its closing quote when every byte
 * in between is printable ASCII other than a backslash (so the bytes are the string's characters,
 * one each); otherwise NOT_PLAIN.
 */
export function asciiStringEnd(b: Uint8Array, p: number): number {
  const n = b.length;
  while (p < n && PLAIN[b[p]!] === 1) p++;
  return b[p] === QUOTE ? p : NOT_PLAIN;
}

/** For a string whose opening quote is at p - 1: the position of its closing quote, stepping over
 *  escapes; NOT_PLAIN at a control character or the end of the text (JSON.parse rejects both). */
export function stringEnd(b: Uint8Array, p: number): number {
  const n = b.length;
  for (; p < n; p++) {
    const c = b[p]!;
    if (c === QUOTE) return p;
    if (c === BACKSLASH) p++;
    else if (c < SPACE) return NOT_PLAIN;
  }
  return NOT_PLAIN;
}

/**
 * The position just after the JSON value starting at `p` (no white space before it), found by
 * matching brackets outside strings. It does not check the value: on text JSON.parse accepts it
 * finds the value's end, and the caller hands the value (or the text around it) to JSON.parse,
 * which rejects anything else. NOT_PLAIN when brackets do not match before the end of the text.
 */
export function valueEnd(b: Uint8Array, p: number): number {
  const n = b.length;
  const first = b[p];
  if (first === QUOTE) {
    const e = stringEnd(b, p + 1);
    return e === NOT_PLAIN ? NOT_PLAIN : e + 1;
  }
  if (first !== OPEN_BRACKET && first !== OPEN_BRACE) {
    // A number or a literal: up to the next delimiter.
    while (p < n) {
      const c = b[p]!;
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === SPACE || c === LF || c === CR || c === TAB) break;
      p++;
    }
    return p;
  }
  let depth = 0;
  for (; p < n; p++) {
    const c = b[p]!;
    if (c === QUOTE) {
      p = stringEnd(b, p + 1);
      if (p === NOT_PLAIN) return NOT_PLAIN;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (--depth === 0) return p + 1;
    }
  }
  return NOT_PLAIN;
}

/** The position just after a number in JSON's grammar starting at `p`
 *  (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), or NOT_PLAIN. */
export function numberEnd(b: Uint8Array, p: number): number {
  if (b[p] === MINUS) p++;
  if (b[p] === ZERO) p++;
  else if (isDigit(b[p])) while (isDigit(b[p])) p++;
  else return NOT_PLAIN;
  if (b[p] === DOT) {
    if (!isDigit(b[++p])) return NOT_PLAIN;
    while (isDigit(b[p])) p++;
  }
  if (b[p] === LOWER_E || b[p] === UPPER_E) {
    p++;
    if (b[p] === PLUS || b[p] === MINUS) p++;
    if (!isDigit(b[p])) return NOT_PLAIN;
    while (isDigit(b[p])) p++;
  }
  return p;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

/** The characters of bytes `start … end - 1`, which are ASCII (checked by the caller). */
export function asciiText(b: Uint8Array, start: number, end: number): string {
  let s = "";
  // Chunks keep the argument lists of String.fromCharCode short.
  for (let p = start; p < end; p += 4096) s += String.fromCharCode.apply(null, b.subarray(p, Math.min(end, p + 4096)) as unknown as number[]);
  return s;
}

/** An ASCII word as bytes, for `bytesAre`. */
export function asciiBytes(word: string): Uint8Array {
  return Uint8Array.from(word, (c) => c.charCodeAt(0));
}

/** Whether bytes `start … end - 1` are exactly `word` (see asciiBytes). */
export function bytesAre(b: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  const n = word.length;
  if (end - start !== n) return false;
  for (let i = 0; i < n; i++) if (b[start + i] !== word[i]) return false;
  return true;
}

/**
 * The first position at or after `from` where `word` occurs in `b`, or -1: Horspool's search,
 * which looks at about one byte in every few when the word's last byte is rare in the text.
 */
export function indexOfBytes(b: Uint8Array, word: Uint8Array, from: number): number {
  const m = word.length;
  const shift = new Int32Array(256).fill(m);
  for (let i = 0; i < m - 1; i++) shift[word[i]!] = m - 1 - i;
  const last = word[m - 1]!;
  for (let p = from + m - 1; p < b.length; ) {
    const c = b[p]!;
    if (c === last && bytesAre(b, p - m + 1, p + 1, word)) return p - m + 1;
    p += shift[c]!;
  }
  return -1;
}

/**
 * A fixed set of ASCII words (field names, kinds), each found from the bytes of a string by one
 * table lookup on its length and first two bytes, then confirmed byte by byte.
 */
export class Vocabulary {
  private readonly slot = new Int16Array(512).fill(-1);
  private readonly words: readonly Uint8Array[];

  constructor(words: readonly string[]) {
    this.words = words.map(asciiBytes);
    this.words.forEach((w, i) => {
      const k = slotOf(w.length, w[0], w[1]);
      if (this.slot[k] !== -1) throw new Error(`invariant: vocabulary words "${words[i]}" and "${words[this.slot[k]!]}" share a slot`);
      this.slot[k] = i;
    });
  }

  /** The index of the word that is bytes `start … end - 1`, or -1. */
  find(b: Uint8Array, start: number, end: number): number {
    const i = this.slot[slotOf(end - start, b[start], b[start + 1])]!;
    return i >= 0 && bytesAre(b, start, end, this.words[i]!) ? i : -1;
  }
}

function slotOf(length: number, first: number | undefined, second: number | undefined): number {
  return (length * 7 + (first ?? 0) * 3 + (second ?? 0)) & 511;
}

/** Whether bytes `a … a + length - 1` equal bytes `c … c + length - 1`. */
export function sameBytes(b: Uint8Array, a: number, c: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (b[a + i] !== b[c + i]) return false;
  return true;
}
