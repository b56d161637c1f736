import type { Fact } from "../facts";
import { parseItem, splitItems, type ListItem } from "../list-items";
import { edgeFact, itemIds, spanOf, type Pattern } from "../pattern-kit";
import { mentionEndingAt } from "../segment-view";

/** Two statements of 004's drug-regulation and packaging texts:
 *  - linked review (实行药品与药用原辅料和包装材料关联审批; 原料药、药用辅料和包装材料在审批药品注册申请时一并审评审批):
 *    the drug is approved together with its API, excipients and packaging, so it REQUIRES them
 *    (inferred);
 *  - a packaging change (注射剂包装由低硼硅玻璃瓶向中性硼硅玻璃瓶转换): the product is packed in one and
 *    then the other (inferred). */
const LINKED_REVIEW = /关联审批|关联审评审批|一并审评审批/;
const PACKAGING_SWITCH = /包装由([^,;。]{1,20}?)向([^,;。]{1,20}?)转换/g;

export const pharmaPattern: Pattern = {
  name: "pharma",
  run(view, ctx) {
    const facts: Fact[] = [];
    const review = LINKED_REVIEW.exec(view.text);
    if (review) {
      // The drug and its materials must be named in the clause that states the joint review.
      let from = review.index;
      while (from > 0 && !/[,;。]/.test(view.text[from - 1]!)) from--;
      const inClause = (m: { start: number; end: number }) => m.start >= from && m.end <= review.index + review[0].length;
      const drugs = view.mentions.filter((m) => m.target.type === "term" && m.target.id === "drug" && inClause(m));
      const materials = view.mentions.filter(
        (m) => inClause(m) && (m.target.type === "term" || m.target.type === "group") && (m.target.type === "term" ? [m.target.id] : m.target.ids).every((id) => ctx.lexicon.byId.get(id)?.kind === "Material"),
      );
      if (drugs.length > 0 && materials.length > 0) {
        const quote = spanOf(view, from, review.index + review[0].length);
        for (const m of materials) {
          const item = parseItem(view, ctx.lexicon, m.start, m.end);
          if (!item) continue;
          for (const to of itemIds(item, quote, "pharma", facts)) facts.push(...edgeFact("drug", to, quote, "pharma", "inferred", "reviewed and approved together with the drug (linked review)"));
        }
      }
    }
    for (const m of view.text.matchAll(PACKAGING_SWITCH)) {
      const product = mentionEndingAt(view, m.index);
      if (!product || product.target.type !== "term") continue;
      const from = m.index + "包装由".length;
      const items = [...splitItems(view, from, from + m[1]!.length), ...splitItems(view, from + m[1]!.length + 1, from + m[1]!.length + 1 + m[2]!.length)]
        .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
        .filter((x): x is ListItem => x !== undefined);
      const quote = spanOf(view, product.start, m.index + m[0].length);
      for (const item of items) {
        for (const to of itemIds(item, quote, "pharma", facts, "Material")) {
          facts.push(...edgeFact(product.target.id, to, quote, "pharma", "inferred", "packaging named in a change of packaging material"));
        }
      }
    }
    return facts;
  },
};
