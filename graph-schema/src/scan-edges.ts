import { asciiBytes, asciiStringEnd, asciiText, bytesAre, Vocabulary, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, NOT_PLAIN, numberEnd, OPEN_BRACE, OPEN_BRACKET, QUOTE, sameBytes, skipSpace, stringEnd, utf8, valueEnd } from "./json-bytes";
import { MAX_ID_LENGTH } from "./ids";
import { CONFIDENCES, EDGE_KINDS, edgeKindIndex } from "./kinds";
import { longLivedInt32, longLivedUint8 } from "./long-lived-arrays";
import { EdgeAttributeColumns } from "./edge-attributes";
import { plainEvidence, plainText } from "./plain-items";
import type { NodeIdRanges } from "./scan-node-ids";
import { MAX_NAME_LENGTH } from "./problem-reader";

/*
 * The edges array of a graph file read straight from its UTF-8 bytes into columns, with no edge
 * objects: at 10^6 nodes a file has millions of edges, and JSON.parse would build each one (with its
 * strings and evidence) only for validation to read a few fields and drop it.
 *
 * The contract is the fast path's (plain-items.ts): an edge is either read exactly as
 * `validateInterchange` would read it, having passed every check validation makes of a single edge
 * on its own, or the scan stops and answers undefined, and the caller validates the whole document
 * the general way, which reports whatever is wrong. So anything unusual stops the scan: a key that
 * is not an edge field or comes twice, an escape in a key or an id, a value of an unexpected type, a
 * self-loop. The checks that need the nodes (endpoints exist and have kinds the edge allows) and the
 * documents (evidence cites listed ones) come after, in resolve-edges.ts: the scan needs neither, so
 * it can run on another thread while the nodes are read.
 */

/** The edges of a file as scanned: endpoints still as byte ranges of the file. Arrays are
 *  long-lived (shared memory), so a worker can hand them over without copying. */
export interface ScannedEdges {
  readonly count: number;
  /** Where each endpoint's id starts in the file, and its length (ids are ASCII, ≤ MAX_ID_LENGTH). */
  readonly fromStart: Int32Array;
  readonly fromLength: Uint8Array;
  readonly toStart: Int32Array;
  readonly toLength: Uint8Array;
  /** As in GraphColumns: kind index, 1 when stated, group code (0 or 1 + index in groupNames). */
  readonly kind: Uint8Array;
  readonly stated: Uint8Array;
  readonly group: Int32Array;
  readonly groupNames: readonly string[];
  readonly shares: ReadonlyMap<number, number>;
  /** Every document the edges' evidence cites. */
  readonly citedDocuments: ReadonlySet<string>;
  /** Endpoints already resolved by the nodes' ids as read from the bytes (byte-id-table.ts), to be
   *  taken only once those ids are confirmed to be the validated nodes' (`sameIdsAs`). */
  readonly ends?: { readonly nodeIds: NodeIdRanges; readonly from: Int32Array; readonly to: Int32Array };
}

// Edge fields, by their index in FIELDS.
const FIELDS = new Vocabulary(["from", "to", "kind", "group", "share", "leadTimeDays", "qualified", "confidence", "evidence"]);
const FROM = 0;
const TO = 1;
const KIND = 2;
const GROUP = 3;
const SHARE = 4;
const LEAD_TIME_DAYS = 5;
const QUALIFIED = 6;
const CONFIDENCE = 7;
const UNKNOWN = -1;

const EDGE_KIND_WORDS = new Vocabulary(EDGE_KINDS);
const CONFIDENCE_WORDS = new Vocabulary(CONFIDENCES);
const REQUIRES = edgeKindIndex("REQUIRES")!;
const SOURCED_FROM = edgeKindIndex("SOURCED_FROM")!;
const STATED = CONFIDENCES.indexOf("stated");
const TRUE = asciiBytes("true");
const FALSE = asciiBytes("false");

/** JSON.parse of the value in bytes `start … end - 1`, or NOT_PARSED. */
function parseValue(b: Uint8Array, start: number, end: number): unknown {
  try {
    return JSON.parse(utf8.decode(b.subarray(start, end))) as unknown;
  } catch {
    return NOT_PARSED;
  }
}
const NOT_PARSED = Symbol("not parsed");

/** No edge object in JSON text is shorter than `{"from":"a","to":"b","kind":"WITHIN"}`. */
const MIN_EDGE_BYTES = 36;

/**
 * Scans the edges array at bytes `start … end - 1` of `b` (from its `[` to its `]`); undefined as
 * soon as an edge is not read exactly as validation reads it (see above), or the array does not
 * end at `end`.
 */
export function scanEdgeBytes(b: Uint8Array, start: number, end: number): ScannedEdges | undefined {
  return new EdgeScanner(b, Math.floor((end - start) / MIN_EDGE_BYTES) + 1).array(start, end);
}

class EdgeScanner {
  private count = 0;
  private readonly fromStart: Int32Array;
  private readonly fromLength: Uint8Array;
  private readonly toStart: Int32Array;
  private readonly toLength: Uint8Array;
  private readonly attributes: EdgeAttributeColumns;
  private readonly citedDocuments = new Set<string>();
  // Consecutive edges often carry the same group name or the same evidence: the bytes of the last
  // ones read, and what they were read as, spare decoding them again.
  private lastGroupStart = 0;
  private lastGroupLength = -1;
  private lastGroupCode = 0;
  private lastEvidenceStart = 0;
  private lastEvidenceLength = -1;

  constructor(
    private readonly b: Uint8Array,
    capacity: number,
  ) {
    this.fromStart = longLivedInt32(capacity);
    this.fromLength = longLivedUint8(capacity);
    this.toStart = longLivedInt32(capacity);
    this.toLength = longLivedUint8(capacity);
    this.attributes = new EdgeAttributeColumns(capacity);
  }

  array(start: number, end: number): ScannedEdges | undefined {
    const b = this.b;
    if (b[start] !== OPEN_BRACKET) return undefined;
    let p = skipSpace(b, start + 1);
    if (b[p] === CLOSE_BRACKET) return p + 1 === end ? this.result() : undefined;
    for (;;) {
      if (b[p] !== OPEN_BRACE) return undefined;
      p = this.edge(p + 1);
      if (p === NOT_PLAIN) return undefined;
      p = skipSpace(b, p);
      if (b[p] === COMMA) p = skipSpace(b, p + 1);
      else return b[p] === CLOSE_BRACKET && p + 1 === end ? this.result() : undefined;
    }
  }

  private result(): ScannedEdges {
    const m = this.count;
    return {
      count: m,
      fromStart: this.fromStart.subarray(0, m),
      fromLength: this.fromLength.subarray(0, m),
      toStart: this.toStart.subarray(0, m),
      toLength: this.toLength.subarray(0, m),
      ...this.attributes.columns(m),
      citedDocuments: this.citedDocuments,
    };
  }

  /** Reads the edge object whose `{` is at p - 1; the position after its `}`, or NOT_PLAIN. */
  private edge(p: number): number {
    const b = this.b;
    let seen = 0;
    let fromStart = 0;
    let fromEnd = 0;
    let toStart = 0;
    let toEnd = 0;
    let kind = UNKNOWN;
    let stated = true;
    let group = 0;
    let share: number | undefined;
    let leadTimeDays: number | undefined;
    let hasQualified = false;
    p = skipSpace(b, p);
    for (;;) {
      if (b[p] !== QUOTE) return NOT_PLAIN;
      const keyEnd = asciiStringEnd(b, p + 1);
      if (keyEnd === NOT_PLAIN) return NOT_PLAIN;
      const field = FIELDS.find(b, p + 1, keyEnd);
      if (field === UNKNOWN || (seen & (1 << field)) !== 0) return NOT_PLAIN;
      seen |= 1 << field;
      p = skipSpace(b, keyEnd + 1);
      if (b[p] !== COLON) return NOT_PLAIN;
      p = skipSpace(b, p + 1);
      let valueEndAt: number;
      switch (field) {
        case FROM:
        case TO:
        case KIND:
        case CONFIDENCE: {
          if (b[p] !== QUOTE) return NOT_PLAIN;
          const s = p + 1;
          const e = asciiStringEnd(b, s);
          if (e === NOT_PLAIN) return NOT_PLAIN;
          if (field === FROM) {
            fromStart = s;
            fromEnd = e;
          } else if (field === TO) {
            toStart = s;
            toEnd = e;
          } else if (field === KIND) {
            kind = EDGE_KIND_WORDS.find(b, s, e);
            if (kind === UNKNOWN) return NOT_PLAIN;
          } else {
            const confidence = CONFIDENCE_WORDS.find(b, s, e);
            if (confidence === UNKNOWN) return NOT_PLAIN;
            stated = confidence === STATED;
          }
          valueEndAt = e + 1;
          break;
        }
        case GROUP:
          valueEndAt = this.readGroup(p);
          if (valueEndAt === NOT_PLAIN) return NOT_PLAIN;
          group = this.lastGroupCode;
          break;
        case SHARE:
        case LEAD_TIME_DAYS: {
          valueEndAt = numberEnd(b, p);
          if (valueEndAt === NOT_PLAIN) return NOT_PLAIN;
          const x = Number(asciiText(b, p, valueEndAt));
          if (field === SHARE) share = x;
          else leadTimeDays = x;
          break;
        }
        case QUALIFIED:
          if (bytesAre(b, p, p + 4, TRUE)) valueEndAt = p + 4;
          else if (bytesAre(b, p, p + 5, FALSE)) valueEndAt = p + 5;
          else return NOT_PLAIN;
          hasQualified = true;
          break;
        default: // EVIDENCE
          valueEndAt = this.readEvidence(p);
          if (valueEndAt === NOT_PLAIN) return NOT_PLAIN;
      }
      p = skipSpace(b, valueEndAt);
      if (b[p] === COMMA) p = skipSpace(b, p + 1);
      else if (b[p] === CLOSE_BRACE) break;
      else return NOT_PLAIN;
    }
    if ((seen & (1 << FROM)) === 0 || (seen & (1 << TO)) === 0 || kind === UNKNOWN) return NOT_PLAIN;
    // The single-edge checks of plainEdgeWithUncheckedEnds, in terms of what was read. An endpoint
    // longer than any id, or a self-loop, is left to the general path to report.
    const fromLength = fromEnd - fromStart;
    const toLength = toEnd - toStart;
    if (fromLength > MAX_ID_LENGTH || toLength > MAX_ID_LENGTH) return NOT_PLAIN;
    if (fromLength === toLength && sameBytes(b, fromStart, toStart, fromLength)) return NOT_PLAIN;
    if (group !== 0 && kind !== REQUIRES) return NOT_PLAIN;
    if (share !== undefined || leadTimeDays !== undefined || hasQualified) {
      if (kind !== SOURCED_FROM) return NOT_PLAIN;
      if (share !== undefined && !(share >= 0 && share <= 1)) return NOT_PLAIN;
      if (leadTimeDays !== undefined && !(leadTimeDays >= 0 && leadTimeDays !== Infinity)) return NOT_PLAIN;
    }
    const i = this.count;
    if (i === this.fromStart.length) return NOT_PLAIN;
    this.fromStart[i] = fromStart;
    this.fromLength[i] = fromLength;
    this.toStart[i] = toStart;
    this.toLength[i] = toLength;
    this.attributes.set(i, kind, stated, group, share);
    this.count = i + 1;
    return p + 1;
  }

  /** Reads a group name at p into lastGroupCode; the position after it, or NOT_PLAIN. */
  private readGroup(p: number): number {
    const b = this.b;
    if (b[p] !== QUOTE) return NOT_PLAIN;
    let e = asciiStringEnd(b, p + 1);
    if (e !== NOT_PLAIN && e - p - 1 === this.lastGroupLength && sameBytes(b, p + 1, this.lastGroupStart, this.lastGroupLength)) return e + 1;
    let raw: unknown;
    if (e !== NOT_PLAIN) raw = asciiText(b, p + 1, e);
    else {
      // Escapes or non-ASCII characters: JSON.parse decodes the string.
      e = stringEnd(b, p + 1);
      if (e === NOT_PLAIN) return NOT_PLAIN;
      raw = parseValue(b, p, e + 1);
    }
    const name = plainText(raw, MAX_NAME_LENGTH);
    if (name === undefined) return NOT_PLAIN;
    this.lastGroupStart = p + 1;
    this.lastGroupLength = e - p - 1;
    this.lastGroupCode = this.attributes.groupCode(name);
    return e + 1;
  }

  /** Checks the evidence list at p as validation would, noting the documents it cites; the
   *  position after it, or NOT_PLAIN. */
  private readEvidence(p: number): number {
    const b = this.b;
    if (b[p] !== OPEN_BRACKET) return NOT_PLAIN;
    const e = valueEnd(b, p);
    if (e === NOT_PLAIN) return NOT_PLAIN;
    if (e - p === this.lastEvidenceLength && sameBytes(b, p, this.lastEvidenceStart, this.lastEvidenceLength)) return e;
    const evidence = plainEvidence(parseValue(b, p, e));
    if (evidence === undefined) return NOT_PLAIN;
    for (const { doc } of evidence) if (doc !== undefined) this.citedDocuments.add(doc);
    this.lastEvidenceStart = p;
    this.lastEvidenceLength = e - p;
    return e;
  }
}
