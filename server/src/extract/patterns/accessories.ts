import type { Fact } from "../facts";
import { parseItem, splitItems, type ListItem } from "../list-items";
import { edgeFact, itemIds, spanOf, type Pattern, type PatternContext } from "../pattern-kit";
import { insideMention, mentionEndingAt, type SegmentView } from "../segment-view";

/** Reagents, drugs and accessories that go with a device: `X及其Y`, `X及(其)配套Y`, `X(和)配套Y`,
 *  `与X…配套的Y` (便携式核酸检测仪及配套检测试剂与质控品, 硼中子捕捉治疗系统及其靶向药物). Only lexicon
 *  parts count as Y: `…及其信息系统`, `…及其配套设备` are not parts. Inferred: the text pairs them
 *  without saying that X cannot work without Y. When X is the last entry of an enumeration, the
 *  accessory belongs to the whole enumeration, which the paragraph's heading or the collective noun
 *  names. */
const LINK = /^(?:以及|及其|及|和|与)?(?:其)?配套(?:的)?|^及其/;
const CLAUSE_END = /[,;。:!?]/;
const PART_KINDS = new Set(["Component", "Material"]);

function parentBefore(view: SegmentView, ctx: PatternContext, at: number): { ids: readonly string[]; start: number; label: string } | undefined {
  const direct = mentionEndingAt(view, at);
  if (direct) {
    const item = parseItem(view, ctx.lexicon, direct.start, direct.end);
    if (item?.status === "known" && item.ids.every((id) => ["Product", "Component"].includes(ctx.lexicon.byId.get(id)?.kind ?? ""))) {
      if (view.text[direct.start - 1] !== "、" || !view.heading) return { ids: item.ids, start: direct.start, label: item.text };
    }
  }
  if (view.heading && view.offset !== view.heading.segmentOffset) return { ids: [view.heading.id], start: at, label: view.heading.label };
  return undefined;
}

export const accessoriesPattern: Pattern = {
  name: "accessories",
  run(view, ctx) {
    const facts: Fact[] = [];
    const emit = (parent: { ids: readonly string[]; start: number; label: string }, from: number, end: number) => {
      const children = splitItems(view, from, end)
        .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
        .filter((x): x is ListItem => x?.status === "known" && x.ids.every((id) => PART_KINDS.has(ctx.lexicon.byId.get(id)?.kind ?? "")));
      if (children.length === 0) return;
      const quote = spanOf(view, Math.min(parent.start, from), children[children.length - 1]!.end);
      for (const child of children) {
        for (const to of itemIds(child, quote, "accessories", facts)) {
          for (const p of parent.ids) facts.push(...edgeFact(p, to, quote, "accessories", "inferred", `"${parent.label}" and its accompanying "${child.text}" (及其/配套)`));
        }
      }
    };
    for (let at = 0; at < view.text.length; at++) {
      const c = view.text[at];
      if (c !== "及" && c !== "以" && c !== "和" && c !== "与" && c !== "其" && c !== "配") continue;
      const link = LINK.exec(view.text.slice(at, at + 8));
      if (!link || insideMention(view, at)) continue;
      const from = at + link[0].length;
      let end = from;
      while (end < view.text.length && !CLAUSE_END.test(view.text[end]!)) end++;
      const parent = parentBefore(view, ctx, at);
      if (parent) emit(parent, from, end);
      at = from - 1;
    }
    // 与测序仪或测序技术配套的新型相关试剂
    for (const m of view.text.matchAll(/与([^,;。]{1,30}?)配套的/g)) {
      const parents = splitItems(view, m.index + 1, m.index + 1 + m[1]!.length)
        .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
        .filter((x): x is ListItem => x?.status === "known" && x.ids.every((id) => ctx.lexicon.byId.get(id)?.kind === "Product"));
      if (parents.length === 0) continue;
      const from = m.index + m[0].length;
      let end = from;
      while (end < view.text.length && !CLAUSE_END.test(view.text[end]!)) end++;
      for (const p of parents) emit({ ids: p.ids, start: m.index, label: p.text }, from, end);
    }
    return facts;
  },
};
