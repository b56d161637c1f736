import type { Fact } from "../facts";
import { parseItem, splitItems, type ListItem } from "../list-items";
import { edgeFact, isItem, itemIds, spanOf, type Pattern, type PatternContext } from "../pattern-kit";
import { insideMention, mentionEndingAt, type SegmentView } from "../segment-view";

/** `X用Y、Z` and the other explicit part-whole connectors: `X用的Y`, `X使用的Y`, `X所选用的Y`,
 *  `X专用Y`, `A、B等产品使用的Y`, and, for lexicon parts only, `X的Y`, `X中Y`,
 *  `作为X重要材料的Y`. Y and Z go into X: the coordinated list after the connector is governed by
 *  it, so every entry is stated. A last clause after a comma that continues the list without a head
 *  of its own ("…高变比固态调制器，六维治疗床等") is a distributive reading, inferred. */

/** Connectors after which the list may hold terms the lexicon lacks (sent to curation). */
const STRONG = /^(?:所选用的|使用的|用的|专用|用)/;
/** Connectors too common to trust with unknown words: only lexicon parts count after them. */
const WEAK = /^(?:(?:重要|关键|主要)(?:材料|原料|部件)的|中的|中|的)/;
/** 用于 (used for), 用量, 用药 … are not "goes into". */
const NOT_CONNECTOR_NEXT = /^用[于量途户药品以来作在]/;
const LIST_END = /[,;。:!?]/;

interface Connector {
  readonly at: number;
  readonly length: number;
  readonly weak: boolean;
}

function connectorAt(view: SegmentView, at: number): Connector | undefined {
  const rest = view.text.slice(at, at + 8);
  if (NOT_CONNECTOR_NEXT.test(rest)) return undefined;
  const strong = STRONG.exec(rest);
  if (strong) return { at, length: strong[0].length, weak: false };
  const weak = WEAK.exec(rest);
  if (weak) return { at, length: weak[0].length, weak: true };
  return undefined;
}

interface Host {
  readonly ids: readonly string[];
  readonly start: number;
}

const isPart = (ctx: PatternContext, id: string) => {
  const kind = ctx.lexicon.byId.get(id)?.kind;
  return kind === "Component" || kind === "Material";
};

/** The parent(s) right before a connector: one lexicon form (with a partner joined by 和: 气雾剂和粉雾剂),
 *  or an enumeration closed by 等(产品). */
function hostBefore(view: SegmentView, ctx: PatternContext, at: number, weak: boolean): Host | undefined {
  const direct = mentionEndingAt(view, at);
  if (direct) {
    const item = parseItem(view, ctx.lexicon, direct.start, at);
    if (!item || item.status !== "known" || !item.ids.every((id) => isItem(ctx, id))) return undefined;
    if (weak && !item.ids.every((id) => ["Product", "Component"].includes(ctx.lexicon.byId.get(id)?.kind ?? ""))) return undefined;
    const partner = view.text[direct.start - 1] === "和" ? mentionEndingAt(view, direct.start - 1) : undefined;
    const other = partner && parseItem(view, ctx.lexicon, partner.start, partner.end);
    if (other?.status === "known" && other.ids.every((id) => isItem(ctx, id))) return { ids: [...other.ids, ...item.ids], start: partner!.start };
    return { ids: item.ids, start: direct.start };
  }
  if (weak) return undefined;
  const closed = /等(?:产品|设备|装备)?$/.exec(view.text.slice(0, at));
  if (!closed) return undefined;
  let clauseStart = 0;
  for (let i = closed.index - 1; i >= 0; i--) {
    if (LIST_END.test(view.text[i]!)) {
      clauseStart = i + 1;
      break;
    }
  }
  const items = splitItems(view, clauseStart, closed.index)
    .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
    .filter((x): x is ListItem => x !== undefined && x.status === "known" && x.ids.every((id) => isItem(ctx, id)));
  if (items.length === 0) return undefined;
  return { ids: items.flatMap((x) => x.ids), start: items[0]!.start };
}

/** Where the list after a connector ends: at a comma, semicolon or full stop, or at a 的 that turns
 *  the last entry into a modifier ("…和包装材料的质量负责"). */
function listEnd(view: SegmentView, from: number): number {
  for (let i = from; i < view.text.length; i++) {
    if (LIST_END.test(view.text[i]!)) return i;
    if (view.text[i] === "的" && mentionEndingAt(view, i)) return i;
  }
  return view.text.length;
}

/** The offset of a connector in [from, to) that follows a lexicon form, if any. */
function nextConnector(view: SegmentView, from: number, to: number): number | undefined {
  for (const m of view.mentions) {
    if (m.start < from || m.end >= to) continue;
    const c = connectorAt(view, m.end);
    if (c && !c.weak) return m.end;
  }
  return undefined;
}

export const usesPattern: Pattern = {
  name: "uses",
  run(view, ctx) {
    const facts: Fact[] = [];
    for (let at = 1; at < view.text.length; at++) {
      // Every connector follows a lexicon form or an enumeration closed by 等(产品).
      if (!mentionEndingAt(view, at) && !/等(?:产品|设备|装备)?$/.test(view.text.slice(Math.max(0, at - 3), at))) continue;
      const connector = connectorAt(view, at);
      if (!connector) continue;
      // 用 inside a lexicon form (医用, 药用 in a name) is not a connector.
      if (insideMention(view, at)) continue;
      const host = hostBefore(view, ctx, at, connector.weak);
      if (!host) continue;
      const from = at + connector.length;
      const end = listEnd(view, from);
      // "…超导射频阵列表面线圈、MRI用低温制冷机、高热容量X线球管…": a head that is itself one entry
      // of an enumeration governs only the entry it is joined to.
      const single = view.text[host.start - 1] === "、";
      const all = splitItems(view, from, end)
        .map(([s, e]) => parseItem(view, ctx.lexicon, s, e, host.ids))
        .filter((x): x is ListItem => x !== undefined);
      // "…（PET）用高导热率电路基板材料、CT/PET探测器用闪烁体": an entry with a connector of its own
      // starts the next head's list.
      const ownHead = all.findIndex((x) => nextConnector(view, x.start, x.end) !== undefined);
      const cut = single && all.length > 1 && (ownHead < 0 || ownHead > 1) ? 1 : ownHead;
      let entries = cut < 0 ? all : all.slice(0, cut);
      const resumeAt = cut < 0 ? end : (nextConnector(view, all[cut]!.start, all[cut]!.end) ?? all[cut]!.start) - 1;
      if (connector.weak) {
        // After 的 or 中, only a list that begins with a lexicon part is a list of parts.
        const firstKnown = entries[0]?.status === "known" && entries[0].ids.every((id) => isPart(ctx, id));
        entries = firstKnown ? entries.filter((x) => x.status === "known" && x.ids.every((id) => isPart(ctx, id))) : [];
      }
      if (entries.length === 0) {
        at = Math.max(at, resumeAt);
        continue;
      }
      const stated = spanOf(view, host.start, entries[entries.length - 1]!.end);
      for (const entry of entries) {
        for (const child of itemIds(entry, stated, "uses", facts)) {
          for (const parent of host.ids) facts.push(...edgeFact(parent, child, stated, "uses", "stated"));
        }
      }
      // A final clause that only continues the list ("，六维治疗床等；").
      if (!connector.weak && cut < 0 && !single && view.text[end] === ",") {
        const tail = view.text.slice(end + 1).replace(/[;。]$/, "");
        const hasOwnHead = view.mentions.some((m) => m.start > end && connectorAt(view, m.end)?.weak === false);
        if (!hasOwnHead && /等$/.test(tail) && !tail.includes(",")) {
          const tailEnd = end + 1 + tail.length;
          const continued = splitItems(view, end + 1, tailEnd)
            .map(([s, e]) => parseItem(view, ctx.lexicon, s, e, host.ids))
            .filter((x): x is ListItem => x !== undefined);
          const inferred = spanOf(view, host.start, tailEnd);
          const note = `distributive reading: the clause after the comma has no head of its own, so "${view.text.slice(host.start, from)}" is read as covering it`;
          for (const entry of continued) {
            for (const child of itemIds(entry, inferred, "uses", facts)) {
              for (const parent of host.ids) facts.push(...edgeFact(parent, child, inferred, "uses", "inferred", note));
            }
          }
        }
      }
      at = resumeAt;
    }
    return facts;
  },
};
