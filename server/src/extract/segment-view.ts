import type { Mention } from "./term-matcher";

/** What a pattern sees of one sentence or list item: its normalised text, the lexicon forms found
 *  in it (offsets relative to the segment), and where it sits in the document. */
export interface SegmentView {
  readonly doc: string;
  readonly text: string;
  readonly mentions: readonly Mention[];
  /** Per offset: the index in `mentions` of the form starting / ending there (-1 if none), and
   *  whether the offset lies strictly inside a form. Patterns ask these per character. */
  readonly index: MentionIndex;
  /** Offset of the segment in the document's normalised text. */
  readonly offset: number;
  readonly paragraph: number;
  readonly line: number;
  /** The product or equipment family named by the paragraph's heading ("计算机断层成像系统（CT）。"),
   *  for part lists that name no parent of their own. */
  readonly heading?: { readonly id: string; readonly label: string; readonly segmentOffset: number };
  /** The paragraph opens with a 攻关/突破 heading ("攻关关键零部件。"): its items are policy targets. */
  readonly bottleneckParagraph?: { readonly start: number; readonly end: number; readonly segmentOffset: number };
  /** Rows of a specification table (004's 首台（套） catalogue: "13.10.4多排螺旋计算机断层扫描（CT）系统套
   *  高压发生器≥50kW；…") that cover this segment: from `at` on, the text describes product `id`.
   *  `nameStart`/`nameEnd` are set when the row's name is in this segment. */
  readonly specRows?: readonly SpecRow[];
}

export interface SpecRow {
  readonly at: number;
  readonly id?: string;
  readonly label: string;
  readonly nameStart?: number;
  readonly nameEnd?: number;
}

export interface MentionIndex {
  readonly startAt: Int32Array;
  readonly endAt: Int32Array;
  readonly inside: Uint8Array;
}

export function indexMentions(length: number, mentions: readonly Mention[]): MentionIndex {
  const startAt = new Int32Array(length + 1).fill(-1);
  const endAt = new Int32Array(length + 1).fill(-1);
  const inside = new Uint8Array(length + 1);
  mentions.forEach((m, i) => {
    startAt[m.start] = i;
    endAt[m.end] = i;
    for (let k = m.start + 1; k < m.end; k++) inside[k] = 1;
  });
  return { startAt, endAt, inside };
}

export function mentionAt(view: SegmentView, start: number, end: number): Mention | undefined {
  const m = mentionStartingAt(view, start);
  return m && m.end === end ? m : undefined;
}

export function mentionStartingAt(view: SegmentView, offset: number): Mention | undefined {
  const i = view.index.startAt[offset] ?? -1;
  return i < 0 ? undefined : view.mentions[i];
}

/** The mention that ends exactly at `end`, if any. */
export function mentionEndingAt(view: SegmentView, end: number): Mention | undefined {
  const i = view.index.endAt[end] ?? -1;
  return i < 0 ? undefined : view.mentions[i];
}

/** True when `offset` falls strictly inside a mention (so a separator there is part of a name). */
export function insideMention(view: SegmentView, offset: number): boolean {
  return view.index.inside[offset] === 1;
}

/** True when `offset` is inside a mention or starts one: a character that belongs to a name. */
export function inName(view: SegmentView, offset: number): boolean {
  return view.index.inside[offset] === 1 || (view.index.startAt[offset] ?? -1) >= 0;
}
