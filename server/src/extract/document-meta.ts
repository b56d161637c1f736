import { ChokepointError, isCalendarDate, type LocalizedName, type SourceDocument } from "@chokepoint/graph-schema";

/** A line range of a document left out of extraction, with the reason (004's agriculture sections). */
export interface ScopeExclusion {
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

export interface DocumentMeta {
  readonly document: SourceDocument;
  readonly exclude: readonly ScopeExclusion[];
}

/** One source document as read from seeds/documents: its metadata and its text, unchanged. */
export interface SourceText {
  readonly meta: DocumentMeta;
  readonly raw: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function name(v: unknown, where: string, required: boolean): LocalizedName | undefined {
  if (v === undefined && !required) return undefined;
  if (!isObj(v) || typeof v.zh !== "string" || typeof v.en !== "string") {
    throw new ChokepointError("VALIDATION_FAILED", `${where}: expected {"zh": "…", "en": "…"}`);
  }
  return { zh: v.zh, en: v.en };
}

/** Reads a `<file-stem>.meta.json` document. */
export function parseDocumentMeta(input: unknown, where: string): DocumentMeta {
  if (!isObj(input)) throw new ChokepointError("VALIDATION_FAILED", `${where}: expected an object`);
  const { id, file, date } = input;
  if (typeof id !== "string" || typeof file !== "string") throw new ChokepointError("VALIDATION_FAILED", `${where}: id and file are required`);
  if (date !== undefined && (typeof date !== "string" || !isCalendarDate(date))) {
    throw new ChokepointError("VALIDATION_FAILED", `${where}: date must be YYYY-MM-DD`);
  }
  const title = name(input.title, `${where} title`, true)!;
  const issuer = name(input.issuer, `${where} issuer`, false);
  const exclude: ScopeExclusion[] = [];
  const scope = Array.isArray(input.scope) ? input.scope : [];
  scope.forEach((s: unknown, i) => {
    const range = isObj(s) ? s.exclude : undefined;
    if (!isObj(s) || !Array.isArray(range) || range.length !== 2 || typeof range[0] !== "number" || typeof range[1] !== "number" || typeof s.reason !== "string") {
      throw new ChokepointError("VALIDATION_FAILED", `${where} scope[${i}]: expected {"exclude": [firstLine, lastLine], "reason": "…"}`);
    }
    exclude.push({ from: range[0], to: range[1], reason: s.reason });
  });
  const document: SourceDocument = { id, file, title, ...(issuer && { issuer }), ...(typeof date === "string" && { date }) };
  return { document, exclude };
}

export function inScope(meta: DocumentMeta, line: number): boolean {
  return !meta.exclude.some((x) => line >= x.from && line <= x.to);
}
