import { asciiBytes, asciiStringEnd, bytesAre, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, indexOfBytes, NOT_PLAIN, OPEN_BRACE, OPEN_BRACKET, QUOTE, skipSpace, valueEnd } from "./json-bytes";
import { MAX_ID_LENGTH } from "./ids";
import { longLivedInt32, longLivedUint8 } from "./long-lived-arrays";

/** Where each node's id is in a file's bytes, in the order of the nodes array. */
export interface NodeIdRanges {
  readonly count: number;
  readonly start: Int32Array;
  readonly length: Uint8Array;
}

const NODES_KEY = asciiBytes('"nodes"');
const ID_KEY = asciiBytes("id");
/** No node object in JSON text is shorter than `{"id":"a","kind":"Region","name":{"en":"a"}}`. */
const MIN_NODE_BYTES = 40;

/**
 * The id of every element of the first `"nodes"` array of a file, read from its bytes without
 * parsing the rest of each node; undefined when an element is not an object, or its id is not a
 * plain ASCII string of at most MAX_ID_LENGTH characters, or it has two ids. Nothing here is
 * trusted: it lets another thread resolve edge endpoints to node positions (byte-id-table.ts), and
 * the thread that parsed and validated the nodes confirms that these ids are its nodes' ids,
 * position by position (`sameIdsAs`), before it takes any of those positions.
 */
export function scanNodeIds(b: Uint8Array): NodeIdRanges | undefined {
  const key = indexOfBytes(b, NODES_KEY, 0);
  if (key < 0) return undefined;
  let p = skipSpace(b, key + NODES_KEY.length);
  if (b[p] !== COLON) return undefined;
  p = skipSpace(b, p + 1);
  if (b[p] !== OPEN_BRACKET) return undefined;
  // Room for every node the rest of the file could hold.
  const capacity = Math.floor((b.length - p) / MIN_NODE_BYTES) + 1;
  const start = longLivedInt32(capacity);
  const length = longLivedUint8(capacity);
  let count = 0;
  p = skipSpace(b, p + 1);
  if (b[p] === CLOSE_BRACKET) return { count, start, length };
  for (;;) {
    if (b[p] !== OPEN_BRACE || count === capacity) return undefined;
    let idStart = NOT_PLAIN;
    let idEnd = 0;
    p = skipSpace(b, p + 1);
    while (b[p] !== CLOSE_BRACE) {
      if (b[p] !== QUOTE) return undefined;
      const keyEnd = asciiStringEnd(b, p + 1);
      if (keyEnd === NOT_PLAIN) return undefined;
      const isId = bytesAre(b, p + 1, keyEnd, ID_KEY);
      p = skipSpace(b, keyEnd + 1);
      if (b[p] !== COLON) return undefined;
      p = skipSpace(b, p + 1);
      if (isId) {
        if (idStart !== NOT_PLAIN || b[p] !== QUOTE) return undefined;
        idStart = p + 1;
        idEnd = asciiStringEnd(b, idStart);
        if (idEnd === NOT_PLAIN || idEnd - idStart > MAX_ID_LENGTH) return undefined;
        p = idEnd + 1;
      } else {
        p = valueEnd(b, p);
        if (p === NOT_PLAIN) return undefined;
      }
      p = skipSpace(b, p);
      if (b[p] === COMMA) p = skipSpace(b, p + 1);
      else if (b[p] !== CLOSE_BRACE) return undefined;
    }
    if (idStart === NOT_PLAIN) return undefined;
    start[count] = idStart;
    length[count] = idEnd - idStart;
    count++;
    p = skipSpace(b, p + 1);
    if (b[p] === COMMA) p = skipSpace(b, p + 1);
    else return b[p] === CLOSE_BRACKET ? { count, start: start.subarray(0, count), length: length.subarray(0, count) } : undefined;
  }
}
