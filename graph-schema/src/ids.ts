import type { EdgeKind } from "./kinds";

/** Zero-width and other invisible characters that make two keys look equal but compare unequal. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
export const MAX_ID_LENGTH = 128;
const HYPHEN = 0x2d;

/** The canonical form of an id as typed by a user or read from a file: NFC, invisible characters
 *  removed, trimmed, lowercased. Validity is a separate question (`isValidId`). */
export function normalizeId(raw: string): string {
  // A valid id is ASCII without spaces or capitals, so every step below would return it unchanged;
  // files list ids in canonical form, and skipping the steps is most of the cost of reading one.
  if (isValidId(raw)) return raw;
  return raw.normalize("NFC").replace(INVISIBLE, "").trim().toLowerCase();
}

/** Ids are lowercase kebab ASCII (`[a-z0-9]+(-[a-z0-9]+)*`) so that they are stable in URLs, CSV
 *  and Cypher parameters. A character loop: this runs for every id and endpoint of a large file. */
export function isValidId(id: string): boolean {
  const n = id.length;
  if (n === 0 || n > MAX_ID_LENGTH) return false;
  let previous = HYPHEN; // so that a leading hyphen counts as a doubled one
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c === HYPHEN) {
      if (previous === HYPHEN) return false;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
    previous = c;
  }
  return previous !== HYPHEN;
}

/** Derives an id from an English name: "Proportional valve (ventilator)" → "proportional-valve-ventilator". */
export function slugifyId(name: string): string {
  return normalizeId(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/g, "");
}

/** Text fields (names, quotes) keep their characters but are compared in NFC without invisibles. */
export function normalizeText(raw: string): string {
  if (isTrimmedAscii(raw)) return raw;
  return raw.normalize("NFC").replace(INVISIBLE, "").trim();
}

/** ASCII is its own NFC form and holds no invisible characters, so such text is already normal
 *  unless it starts or ends with white space (all ASCII white space is at or below U+0020). */
function isTrimmedAscii(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) <= 0x20 || s.charCodeAt(n - 1) <= 0x20) return false;
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The identity of an edge: at most one edge of a kind between two nodes. */
export function edgeKey(edge: { readonly from: string; readonly kind: EdgeKind; readonly to: string }): string {
  return `${edge.from}|${edge.kind}|${edge.to}`;
}
