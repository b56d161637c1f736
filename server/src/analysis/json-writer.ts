/**
 * JSON text written as UTF-8 bytes into one reusable buffer, handed to a sink whenever it fills.
 * Why: a 10^6-node analyze report is hundreds of megabytes of JSON; building it as strings costs
 * the concatenation, the join of the pieces, the string → UTF-8 conversion at the output, and
 * the garbage collection of all of them. Writing bytes in place costs one copy.
 *
 * Everything written is exactly what JSON.stringify would produce for the same value (strings
 * escaped as it escapes them, numbers formatted as it formats them), encoded as UTF-8.
 */

/** Receives each filled part of the buffer. The bytes are valid only during the call (the
 *  buffer is reused right after), so a sink that keeps them must copy them. */
export type ByteSink = (chunk: Uint8Array) => void;

export const DEFAULT_CHUNK_BYTES = 1 << 20;
/** Room for the longest piece written without splitting: a safe integer (17 bytes); and more
 *  than a code point (4), so every encoder call makes progress. */
export const MIN_CHUNK_BYTES = 32;

/** Strings up to this length are copied by a loop over their characters; longer ones go through
 *  the native encoder (whose per-call cost only pays off on long text). */
const SHORT = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when a UTF-16 code unit goes into a JSON string literal as the same single byte in UTF-8:
 *  JSON.stringify escapes none of these, and they are ASCII. */
export function copiesAsIs(c: number): boolean {
  return c >= 0x20 && c !== QUOTE && c !== BACKSLASH && c < 0x80;
}

const MINUS = 0x2d;
const ZERO = 0x30;
/** Copies move 4 bytes at a time and may write up to 3 bytes past the end of what they copy
 *  (overwritten by whatever comes next), so the buffer has that much room past its limit. */
const WORD = 4;
/** Copies longer than this go through the native `set` (its per-call cost pays off). */
const LONG_COPY = 256;
/** Either byte order works for copying, as long as reads and writes agree. */
const LITTLE_ENDIAN = true;

const encoder = new TextEncoder();

/** Pre-encoded UTF-8 JSON text, written many times (the fixed parts of report entries): bytes
 *  [0, length) of `view`, which is readable for 3 bytes past `length`, and the same bytes as
 *  words in the order `copy` moves them. */
export interface JsonFragment {
  readonly view: DataView;
  readonly words: Int32Array;
  readonly length: number;
}

/** `text` (already JSON) as a fragment. */
export function jsonFragment(text: string): JsonFragment {
  const bytes = encoder.encode(text);
  const padded = new Uint8Array(bytes.length + WORD);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  const words = Int32Array.from({ length: Math.ceil(bytes.length / WORD) }, (_, j) => view.getInt32(j * WORD, LITTLE_ENDIAN));
  return { view, words, length: bytes.length };
}

export class JsonWriter {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  /** Bytes held before they go to the sink. */
  private readonly limit: number;
  private pos = 0;
  /** Bytes handed to the sink so far. */
  private flushed = 0;

  constructor(
    private readonly sink: ByteSink,
    chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {
    this.limit = Math.max(MIN_CHUNK_BYTES, chunkBytes);
    this.bytes = new Uint8Array(this.limit + WORD);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Hands what is buffered to the sink. */
  flush(): void {
    if (this.pos > 0) this.sink(this.bytes.subarray(0, this.pos));
    this.flushed += this.pos;
    this.pos = 0;
  }

  /** Bytes written so far, handed to the sink or not: positions for `repeat`. */
  get written(): number {
    return this.flushed + this.pos;
  }

  /**
   * Writes again the bytes at positions [from, to) of the output, if they are still in the
   * buffer and fit without a flush (one native move instead of rebuilding them); false if not,
   * and nothing is written.
   */
  repeat(from: number, to: number): boolean {
    const start = from - this.flushed;
    const n = to - from;
    if (start < 0 || this.pos + n > this.limit) return false;
    this.bytes.copyWithin(this.pos, start, start + n);
    this.pos += n;
    return true;
  }

  /** One ASCII byte (punctuation). */
  byte(c: number): void {
    if (this.pos === this.limit) this.flush();
    this.bytes[this.pos++] = c;
  }

  /** A pre-encoded fragment. */
  fragment(f: JsonFragment): void {
    const n = f.length;
    if (n > LONG_COPY || this.pos + n > this.limit) {
      this.copy(f.view, 0, n);
      return;
    }
    // Its words are at hand: one store each (the most frequent copy of a report).
    const { words } = f;
    const out = this.view;
    const pos = this.pos;
    for (let j = 0; j < words.length; j++) out.setInt32(pos + j * WORD, words[j], LITTLE_ENDIAN);
    this.pos = pos + n;
  }

  /** Bytes [from, to) of `src`, already UTF-8 JSON text (pre-encoded ids and fragments). Fastest
   *  when `src` is readable for 3 bytes past `to`. */
  copy(src: DataView, from: number, to: number): void {
    const n = to - from;
    if (this.pos + n > this.limit) {
      this.flush();
      if (n > this.limit) {
        this.sink(new Uint8Array(src.buffer, src.byteOffset + from, n));
        this.flushed += n;
        return;
      }
    }
    const pos = this.pos;
    this.pos = pos + n;
    if (n > LONG_COPY) {
      this.bytes.set(new Uint8Array(src.buffer, src.byteOffset + from, n), pos);
      return;
    }
    // Word by word: most copies are one id (a dozen bytes), too short for a native call to pay
    // off, and a byte loop costs four times as many steps.
    const out = this.view;
    let i = 0;
    if (to + WORD - 1 <= src.byteLength) {
      for (; i < n; i += WORD) out.setInt32(pos + i, src.getInt32(from + i, LITTLE_ENDIAN), LITTLE_ENDIAN);
    } else {
      for (; i + WORD <= n; i += WORD) out.setInt32(pos + i, src.getInt32(from + i, LITTLE_ENDIAN), LITTLE_ENDIAN);
      for (; i < n; i++) out.setUint8(pos + i, src.getUint8(from + i));
    }
  }

  /** Text that is already JSON (a fragment, or the output of JSON.stringify), as UTF-8. */
  text(s: string): void {
    const n = s.length;
    if (n <= SHORT && n <= this.limit) {
      if (this.pos + n > this.limit) this.flush();
      const buf = this.bytes;
      let pos = this.pos;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          // Not ASCII: the encoder takes over from here (nothing before i is lost).
          this.pos = pos;
          this.encode(s.slice(i));
          return;
        }
        buf[pos++] = c;
      }
      this.pos = pos;
    } else this.encode(s);
  }

  /** `JSON.stringify(s)` for a string. */
  string(s: string): void {
    const n = s.length;
    if (n <= SHORT && n + 2 <= this.limit) {
      if (this.pos + n + 2 > this.limit) this.flush();
      const buf = this.bytes;
      let pos = this.pos;
      buf[pos++] = QUOTE;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        // Anything JSON.stringify might escape, and anything that is not one byte in UTF-8, goes
        // to the general path; `pos` is only committed below, so the partial copy is discarded.
        if (!copiesAsIs(c)) {
          this.text(JSON.stringify(s));
          return;
        }
        buf[pos++] = c;
      }
      buf[pos++] = QUOTE;
      this.pos = pos;
    } else this.text(JSON.stringify(s));
  }

  /** `JSON.stringify(n)` for a number. */
  number(n: number): void {
    if (Number.isSafeInteger(n)) this.integer(n);
    else this.text(JSON.stringify(n)); // fractions, exponents, non-finite (null): its own rules
  }

  /** A safe integer's digits (as JSON.stringify writes them: -0 is "0"). */
  private integer(n: number): void {
    if (this.pos + 17 > this.limit) this.flush(); // 2^53 has 16 digits, plus a sign
    const buf = this.bytes;
    if (n < 0) {
      buf[this.pos++] = MINUS;
      n = -n;
    }
    if (n <= 0x7fffffff) {
      // Most numbers (counts): int32 arithmetic, where division by 10 is a multiplication.
      let v = n | 0;
      const digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
      let at = this.pos + digits;
      this.pos = at;
      do {
        const q = (v / 10) | 0;
        buf[--at] = ZERO + (v - q * 10);
        v = q;
      } while (v > 0);
      return;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    let at = this.pos + digits;
    this.pos = at;
    do {
      const q = Math.floor(n / 10);
      buf[--at] = ZERO + (n - q * 10);
      n = q;
    } while (n > 0);
  }

  /** Any string through the native UTF-8 encoder, across as many chunks as it takes. */
  private encode(s: string): void {
    let rest = s;
    for (;;) {
      if (this.limit - this.pos < 4) this.flush();
      const { read, written } = encoder.encodeInto(rest, this.bytes.subarray(this.pos, this.limit));
      this.pos += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.flush();
    }
  }
}
