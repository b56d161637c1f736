import { inScope, type SourceText, type DocumentMeta } from "./document-meta";
import { joinLines, type JoinedText } from "./joined-text";
import type { Lexicon } from "./lexicon";
import { normalizeText, type NormalizedText } from "./normalized-text";
import { paragraphBreaks, splitSegments } from "./segments";
import { indexMentions, type SegmentView, type SpecRow } from "./segment-view";
import type { Mention, TermMatcher } from "./term-matcher";

/** A document ready for the patterns: the texts needed to cut quotes, and its in-scope segments. */
export interface PreparedDocument {
  readonly meta: DocumentMeta;
  readonly joined: JoinedText;
  readonly norm: NormalizedText;
  readonly views: readonly SegmentView[];
}

const NUMBERING = /^(?:\(?[一二三四五六七八九十]+[)、.]|\d+(?:\.\d+)*[.、]?|\(\d+\))/;
/** A heading that makes its paragraph a list of policy targets: "攻关关键零部件。", "专栏 1 产业基础攻关行动攻关先进基础材料。". */
const TARGET_HEADING = /(?:攻关|攻克)[^,;。]{0,10}(?:材料|元器件|零部件|部件|配套件)。$/;
const MAX_HEADING = 45;
/** A row of a specification table: number, product name, unit (套/台), then its indicators. */
const SPEC_ROW = /\d{1,2}\.\d{1,2}\.\d{1,2}([^。,;、]{2,40}?)(?:套|台)/g;
const SPEC_TEXT = /[≥≤±:]|具备|具有/;
const MAX_FAMILY_LEAD = 14;

/** A paragraph's first sentence that is only a product's name ("计算机断层成像系统（CT）。",
 *  "1．医学影像设备。") heads the paragraph. */
function headingTerm(text: string, mentions: readonly Mention[], lexicon: Lexicon): { id: string; label: string } | undefined {
  const numbering = NUMBERING.exec(text)?.[0].length ?? 0;
  const body = text.replace(/。$/, "");
  if (body.length - numbering > MAX_HEADING || body.length === text.length || /[,;:]/.test(body)) return undefined;
  const last = mentions[mentions.length - 1];
  if (!last || last.end !== body.length || last.target.type !== "term") return undefined;
  const term = lexicon.byId.get(last.target.id);
  if (!term || term.kind !== "Product") return undefined;
  return { id: term.id, label: body.slice(numbering) };
}

/** A short sentence inside a paragraph that names one equipment family and nothing else
 *  ("加快医疗器械转型升级。") heads the sentences after it. */
function familyLead(text: string, mentions: readonly Mention[], lexicon: Lexicon): { id: string; label: string } | undefined {
  if (text.length > MAX_FAMILY_LEAD || !text.endsWith("。") || /[,;:、]/.test(text) || mentions.length !== 1) return undefined;
  const m = mentions[0]!;
  if (m.target.type !== "term" || !lexicon.byId.get(m.target.id)?.family) return undefined;
  return { id: m.target.id, label: text.slice(m.start, m.end) };
}

/** The specification rows covering a segment: the row carried over from the previous segment, if
 *  this one still reads like indicators, then every row that starts here. */
function specRows(text: string, mentions: readonly Mention[], lexicon: Lexicon, carried: SpecRow | undefined): SpecRow[] {
  const rows: SpecRow[] = [];
  const starts = [...text.matchAll(SPEC_ROW)].filter((m) => SPEC_TEXT.test(text.slice(m.index + m[0].length)));
  if (carried && (starts.length > 0 || SPEC_TEXT.test(text))) rows.push(carried);
  for (const m of starts) {
    const nameStart = m.index + m[0].indexOf(m[1]!);
    const nameEnd = nameStart + m[1]!.length;
    const head = mentions.find((x) => x.end === nameEnd && x.start >= nameStart);
    const id = head?.target.type === "term" && lexicon.byId.get(head.target.id)?.kind === "Product" ? head.target.id : undefined;
    rows.push({ at: m.index, ...(id !== undefined && { id }), label: m[1]!, nameStart, nameEnd });
  }
  return rows;
}

export function prepareDocument(source: SourceText, matcher: TermMatcher, lexicon: Lexicon): PreparedDocument {
  const joined = joinLines(source.raw);
  const norm = normalizeText(joined.text);
  const segments = splitSegments(joined, norm, paragraphBreaks(source.raw, joined)).filter((s) => inScope(source.meta, s.line));
  const views: SegmentView[] = [];
  let paragraph = -1;
  let heading: SegmentView["heading"];
  let bottleneck: SegmentView["bottleneckParagraph"];
  let carriedRow: SpecRow | undefined;
  for (const s of segments) {
    const text = norm.text.slice(s.start, s.end);
    const mentions = matcher.find(norm.text, s.start, s.end).map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      const h = headingTerm(text, mentions, lexicon) ?? familyLead(text, mentions, lexicon);
      heading = h && { ...h, segmentOffset: s.start };
      bottleneck = undefined;
    } else {
      const lead = familyLead(text, mentions, lexicon);
      if (lead) heading = { ...lead, segmentOffset: s.start };
    }
    // "攻关关键零部件。" opens a list of targets wherever it stands, up to the end of its paragraph.
    const target = TARGET_HEADING.exec(text);
    if (target && text.length <= MAX_HEADING + 12) bottleneck = { start: target.index, end: text.length, segmentOffset: s.start };
    const rows = specRows(text, mentions, lexicon, carriedRow);
    carriedRow = rows.length > 0 ? { ...rows[rows.length - 1]!, at: 0, nameStart: undefined, nameEnd: undefined } : undefined;
    views.push({
      doc: source.meta.document.id,
      text,
      mentions,
      index: indexMentions(text.length, mentions),
      offset: s.start,
      paragraph: s.paragraph,
      line: s.line,
      ...(heading && { heading }),
      ...(bottleneck && { bottleneckParagraph: bottleneck }),
      ...(rows.length > 0 && { specRows: rows }),
    });
  }
  return { meta: source.meta, joined, norm, views };
}
