import { lineOf } from "./decode-text";
import { fileError } from "./problems";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * A linear pre-scan of JSON text, run before JSON.parse: nesting deeper than `maxDepth` is
 * JSON_TOO_DEEP, an array with more than `maxArrayItems` elements is FILE_TOO_LARGE. JSON.parse
 * would accept both, and then every recursive walk over the result (validation, equality, the
 * store's freezing) could overflow the stack or run out of memory. Syntax errors are left to
 * JSON.parse; this only has to be right about nesting and element counts of valid JSON.
 */
export function scanJson(text: string, file: string, maxDepth: number, maxArrayItems: number): void {
  const isArray = new Uint8Array(maxDepth + 1);
  const items = new Float64Array(maxDepth + 1);
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth > maxDepth) throw fileError("JSON_TOO_DEEP", { file, row: lineOf(text.slice(0, i)) }, `JSON nested deeper than ${maxDepth} levels`);
      isArray[depth] = c === OPEN_ARRAY ? 1 : 0;
      items[depth] = 0;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth > 0) depth--;
    } else if (c === COMMA && depth > 0 && isArray[depth] === 1) {
      // n commas separate n + 1 elements.
      if (++items[depth]! >= maxArrayItems) throw fileError("FILE_TOO_LARGE", { file, row: lineOf(text.slice(0, i)) }, `a JSON array has more than ${maxArrayItems} elements`);
    }
  }
}

/** Index of the quote that closes the string opening at `start` (or the end of the text). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close === -1) return text.length;
    let slashes = 0;
    for (let k = close - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return close;
    i = close + 1;
  }
}
