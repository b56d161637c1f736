import type { Fact, Span } from "../facts";
import { parseItem, splitGroups } from "../list-items";
import { edgeFact, itemIds, spanOf, type Pattern, type PatternContext } from "../pattern-kit";
import type { SegmentView } from "../segment-view";

/** Lists of parts and materials that a parent governs without `用`:
 *  - `核心部件（A、B、C等）` after a product (000: the invasive ventilator's parts): stated;
 *  - under a product heading ("计算机断层成像系统（CT）。…重点突破CT球管、探测器…"), the parts listed
 *    as `…等核心部件/关键部件` or as targets of 突破/攻克/研发: the heading is the parent (inferred);
 *  - `核心部件包括A、B…`, `A、B等核心部件/关键部件` under an equipment family (医学影像设备, 医疗器械):
 *    the family is the parent (inferred);
 *  - the entries of a paragraph headed "攻关关键零部件。" (003 专栏 1), which name no parent here.
 *  Hosts that a part's own name carries (CT球管, 磁共振|超导磁体) are the compounds pattern's job. */

const PAREN_LIST = /(?:核心|关键)零?部件\(([^()]*)\)/g;
const INCLUDES_LIST = /(?:核心|关键)零?部件[^,;。]{0,8}?,?(?:重点)?包括/g;
const CLOSED_LIST = /等(?:核心|关键|核心通用)(?:零)?(?:部件|元器件)/g;
const TARGET_VERB = /(?:重点突破|突破|攻克|攻关|研发)/g;
/** In a target list under a heading, only a lexicon part with at most these modifiers counts:
 *  高通量液相悬浮芯片 is a bead array, not a 芯片 of the device. */
const PART_MODIFIERS = /^(?:新型|新|先进|高端|高性能|大功率|高功率|高分辨率|高精度|快速|高密度|大热容量|高热容量|高变比|小型化\/高稳定性|大容量|高灵敏度|全数字化|数字化|医用|多排|高配准精度|动态)*$/;
const CLAUSE_END = /[,;:。]/;

type Parent =
  | { readonly kind: "stated"; readonly id: string }
  | { readonly kind: "heading" | "family"; readonly id: string; readonly label: string }
  | { readonly kind: "none" };

function clauseStart(view: SegmentView, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_END.test(view.text[i]!)) return i + 1;
  return 0;
}

/** The parent a list inherits from its context when it names none itself: the paragraph's heading,
 *  or an equipment family named earlier in the sentence. */
function contextParent(view: SegmentView, ctx: PatternContext, listStart: number): Parent {
  const heading = view.heading;
  if (heading) return { kind: ctx.lexicon.byId.get(heading.id)?.family ? "family" : "heading", id: heading.id, label: heading.label };
  const family = [...view.mentions].reverse().find((m) => m.end <= listStart && m.target.type === "term" && ctx.lexicon.byId.get(m.target.id)?.family);
  if (family && family.target.type === "term") return { kind: "family", id: family.target.id, label: view.text.slice(family.start, family.end) };
  return { kind: "none" };
}

function emitList(view: SegmentView, ctx: PatternContext, from: number, to: number, parent: Parent, quote: Span, facts: Fact[], onlyParts = false): void {
  for (const group of splitGroups(view, from, to)) {
    for (const [s, e] of group) {
      const item = parseItem(view, ctx.lexicon, s, e, parent.kind === "none" ? [] : [parent.id]);
      if (!item) continue;
      const kinds = item.ids.map((id) => ctx.lexicon.byId.get(id)?.kind);
      if (onlyParts && (item.status !== "known" || kinds.some((k) => k !== "Component" && k !== "Material") || !PART_MODIFIERS.test(view.text.slice(item.start, item.headStart)))) continue;
      const ids = itemIds(item, quote, "part-lists", facts, "Component");
      for (const id of ids) {
        if (parent.kind === "stated") facts.push(...edgeFact(parent.id, id, quote, "part-lists", "stated"));
        else if (parent.kind === "heading") facts.push(...edgeFact(parent.id, id, quote, "part-lists", "inferred", `listed under the heading "${parent.label}"`));
        else if (parent.kind === "family") {
          facts.push(...edgeFact(parent.id, id, quote, "part-lists", "inferred", `listed as a part of the equipment family "${parent.label}", not of one named device`));
        }
      }
    }
  }
}

export const partListsPattern: Pattern = {
  name: "part-lists",
  run(view, ctx) {
    const facts: Fact[] = [];
    const done: [number, number][] = [];
    const claim = (from: number, to: number) => {
      if (done.some(([s, e]) => from < e && s < to)) return false;
      done.push([from, to]);
      return true;
    };

    for (const m of view.text.matchAll(PAREN_LIST)) {
      const from = m.index + m[0].indexOf("(") + 1;
      const to = from + m[1]!.length;
      const product = [...view.mentions].reverse().find((x) => x.end <= m.index && x.target.type === "term" && ctx.lexicon.byId.get(x.target.id)?.kind === "Product");
      if (!product || product.target.type !== "term" || !claim(from, to)) continue;
      let quoteEnd = to + 1;
      while (quoteEnd < view.text.length && !CLAUSE_END.test(view.text[quoteEnd]!)) quoteEnd++;
      emitList(view, ctx, from, to, { kind: "stated", id: product.target.id }, spanOf(view, product.start, quoteEnd), facts);
    }

    for (const m of view.text.matchAll(INCLUDES_LIST)) {
      const from = m.index + m[0].length;
      const closed = /等(?:核心|关键)零?部件/.exec(view.text.slice(from));
      let to = closed ? from + closed.index : view.text.length;
      while (to > from && /[。;]/.test(view.text[to - 1]!)) to--;
      if (!claim(from, to)) continue;
      emitList(view, ctx, from, to, contextParent(view, ctx, m.index), spanOf(view, m.index, to), facts);
    }

    for (const m of view.text.matchAll(CLOSED_LIST)) {
      const from = clauseStart(view, m.index);
      if (!claim(from, m.index)) continue;
      emitList(view, ctx, from, m.index, contextParent(view, ctx, from), spanOf(view, from, m.index + m[0].length), facts);
    }

    const heading = view.heading;
    if (heading && !ctx.lexicon.byId.get(heading.id)?.family && view.offset !== heading.segmentOffset) {
      for (const m of view.text.matchAll(TARGET_VERB)) {
        const from = m.index + m[0].length;
        let to = from;
        while (to < view.text.length && !/[;。]/.test(view.text[to]!)) to++;
        if (!claim(from, to)) continue;
        emitList(view, ctx, from, to, contextParent(view, ctx, from), spanOf(view, m.index, to), facts, true);
      }
    }

    if (view.bottleneckParagraph && view.offset !== view.bottleneckParagraph.segmentOffset) {
      for (const group of splitGroups(view, 0, view.text.length)) {
        const from = group[0]?.[0];
        const to = group[group.length - 1]?.[1];
        if (from === undefined || to === undefined || !claim(from, to)) continue;
        emitList(view, ctx, from, to, { kind: "none" }, spanOf(view, from, to), facts);
      }
    }
    return facts;
  },
};
