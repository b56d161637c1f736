import type { EdgeKind } from "./kinds";

/** Zero-width and other invisible characters that make two keys look equal but compare unequal. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 128;

/** The canonical form of an id as typed by a user or read from a file: NFC, invisible characters
 *  removed, trimmed, lowercased. Validity is a separate question (`isValidId`). */
export function normalizeId(raw: string): string {
  return raw.normalize("NFC").replace(INVISIBLE, "").trim().toLowerCase();
}

/** Ids are lowercase kebab ASCII so that they are stable in URLs, CSV and Cypher parameters. */
export function isValidId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && KEBAB.test(id);
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
  return raw.normalize("NFC").replace(INVISIBLE, "").trim();
}

/** The identity of an edge: at most one edge of a kind between two nodes. */
export function edgeKey(edge: { readonly from: string; readonly kind: EdgeKind; readonly to: string }): string {
  return `${edge.from}|${edge.kind}|${edge.to}`;
}
