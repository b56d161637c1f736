import { readFileSync } from "node:fs";
import path from "node:path";

export interface QuoteInContext {
  readonly before: string;
  readonly quote: string;
  readonly after: string;
}

/** Most characters of surrounding text returned on each side of a quote. */
const MAX_SIDE = 600;
/** A quote spans at most this many hard-wrapped lines. */
const MAX_QUOTE_LINES = 40;

/**
 * The source documents' text, so an analyst can read a quote in its surroundings. Documents are
 * read from one folder by their bare file name only: a `file` value from imported data can never
 * name a path outside it.
 */
export class DocumentTextService {
  private readonly cache = new Map<string, readonly string[] | null>();

  constructor(private readonly dir: string) {}

  private lines(file: string): readonly string[] | null {
    if (file !== path.basename(file) || file.startsWith(".") || file.includes("\0")) return null;
    let lines = this.cache.get(file);
    if (lines === undefined) {
      try {
        lines = readFileSync(path.join(this.dir, file), "utf8").split(/\r?\n/);
      } catch {
        lines = null;
      }
      this.cache.set(file, lines);
    }
    return lines;
  }

  /** The quote with `radius` lines of text before and after it (line breaks removed, as in quotes);
   *  null when the document or the quote at that line is not found. */
  context(file: string, line: number, quote: string, radius: number): QuoteInContext | null {
    const lines = this.lines(file);
    if (!lines || !Number.isSafeInteger(line) || line < 1 || line > lines.length || quote === "") return null;
    const start = line - 1;
    let joined = "";
    let end = start;
    for (; end < lines.length && end < start + MAX_QUOTE_LINES; end++) {
      joined += lines[end];
      if (joined.includes(quote)) break;
    }
    const at = joined.indexOf(quote);
    if (at < 0) return null;
    const before = lines.slice(Math.max(0, start - radius), start).join("") + joined.slice(0, at);
    const after = joined.slice(at + quote.length) + lines.slice(end + 1, end + 1 + radius).join("");
    return { before: before.slice(-MAX_SIDE), quote, after: after.slice(0, MAX_SIDE) };
  }
}
