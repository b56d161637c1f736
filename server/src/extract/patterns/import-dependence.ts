import type { Fact } from "../facts";
import { clauseAround, flagFact, knownItems, spanOf, type Pattern, type PatternContext } from "../pattern-kit";
import type { SegmentView } from "../segment-view";

/** The items named in [from, to): "高端生物医药产品以仿为主、以进口为主" is not a clean list, but it
 *  names its subject. */
function itemMentions(view: SegmentView, ctx: PatternContext, from: number, to: number): string[] {
  return view.mentions
    .filter((m) => m.start >= from && m.end <= to)
    .flatMap((m) => (m.target.type === "term" ? [m.target.id] : m.target.type === "group" ? [...m.target.ids] : []))
    .filter((id) => ["Product", "Component", "Material"].includes(ctx.lexicon.byId.get(id)?.kind ?? ""));
}

/** IMPORT_DEPENDENT: 依赖进口, 以进口为主, 进口依赖度高 said of the items of the same clause
 *  ("改变部分药用原辅料和包装材料依赖进口的局面"), or of the items the clause goes on to name when the
 *  phrase qualifies them ("主要依赖进口的主流医疗器械产品"): stated. 打破进口垄断 closes a sentence
 *  whose items are to break an import monopoly, which says that they are import-dominated:
 *  inferred. */
const DEPENDENT = /(?:严重|大量|主要)?依赖进口|以进口为主|进口依赖度高/g;
const MONOPOLY = /打破进口垄断/g;

export const importDependencePattern: Pattern = {
  name: "import-dependence",
  run(view, ctx) {
    const facts: Fact[] = [];
    for (const m of view.text.matchAll(DEPENDENT)) {
      const [start, end] = clauseAround(view, m.index);
      let ids = itemMentions(view, ctx, start, m.index);
      let quote = spanOf(view, start, m.index + m[0].length);
      if (ids.length === 0 && /^[^,;。]*?的/.test(view.text.slice(m.index + m[0].length))) {
        ids = itemMentions(view, ctx, m.index, end);
        quote = spanOf(view, m.index, end);
      }
      for (const id of ids) facts.push(...flagFact(id, "IMPORT_DEPENDENT", quote, "import-dependence", "stated"));
    }
    for (const m of view.text.matchAll(MONOPOLY)) {
      const items = knownItems(view, ctx, 0, m.index);
      const quote = spanOf(view, items[0]?.start ?? m.index, m.index + m[0].length);
      for (const item of items) {
        for (const id of item.ids) facts.push(...flagFact(id, "IMPORT_DEPENDENT", quote, "import-dependence", "inferred", "the sentence sets breaking the import monopoly as the goal for this item"));
      }
    }
    return facts;
  },
};
