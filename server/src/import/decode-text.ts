import { isUtf8 } from "node:buffer";
import { fileError } from "./problems";

/** Maps the (valid) text before a fault to the row a user sees: a CSV record number or a JSON line. */
export type RowOf = (textBefore: string) => number;

export interface DecodeOptions {
  readonly file: string;
  readonly maxBytes: number;
  readonly rowOf: RowOf;
}

const UTF8_BOM = "\uFEFF";
/** C0 controls other than tab, line feed and carriage return: they do not occur in text files,
 *  so their presence means binary data (or UTF-16 without a byte-order mark). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Turns an uploaded file into text, refusing what is not UTF-8 text: the size cap is checked before
 * anything else is done; a UTF-8 byte-order mark is dropped; UTF-16/32 byte-order marks, invalid
 * UTF-8, NUL and other control bytes are ENCODING_INVALID, naming the row where they occur.
 */
export function decodeText(content: Buffer | string, options: DecodeOptions): string {
  const { file, maxBytes, rowOf } = options;
  const bytes = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.length;
  if (bytes > maxBytes) throw fileError("FILE_TOO_LARGE", { file }, `the file is ${bytes} bytes; the limit is ${maxBytes}`);
  let text: string;
  if (typeof content === "string") {
    const bad = LONE_SURROGATE.exec(content);
    if (bad) throw encoding(file, rowOf(content.slice(0, bad.index)), "the text contains an unpaired UTF-16 surrogate");
    text = content;
  } else {
    if (hasUtf16Bom(content)) throw encoding(file, 1, "the file is UTF-16 or UTF-32 (it starts with that byte-order mark); save it as UTF-8");
    // Whichever comes first: a NUL (binary, or UTF-16 without a byte-order mark) or bad UTF-8.
    const nul = content.indexOf(0);
    const bad = isUtf8(content) ? -1 : firstInvalidUtf8(content);
    if (nul !== -1 && (bad === -1 || nul < bad)) {
      throw encoding(file, rowOf(content.subarray(0, nul).toString("utf8")), `byte ${nul + 1} is NUL: the file is binary or UTF-16, not UTF-8 text`);
    }
    if (bad !== -1) throw encoding(file, rowOf(content.subarray(0, bad).toString("utf8")), `byte ${bad + 1} is not valid UTF-8; save the file as UTF-8`);
    text = content.toString("utf8");
  }
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    throw encoding(file, rowOf(text.slice(0, control.index)), `control character U+${code}: the file looks binary (or UTF-16 without a byte-order mark), not UTF-8 text`);
  }
  return text;
}

function encoding(file: string, row: number, message: string) {
  return fileError("ENCODING_INVALID", { file, row }, message);
}

function hasUtf16Bom(b: Buffer): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no
 *  overlong forms, no surrogates, nothing above U+10FFFF). Called only after isUtf8 said no. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= n) return i;
    for (let k = 1; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) return i;
    i += need + 1;
  }
  return n;
}

/** Line number (from 1) at the end of `textBefore`: the row of a JSON fault. */
export function lineOf(textBefore: string): number {
  let line = 1;
  for (let i = textBefore.indexOf("\n"); i !== -1; i = textBefore.indexOf("\n", i + 1)) line++;
  return line;
}
