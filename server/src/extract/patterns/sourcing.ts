import type { Fact } from "../facts";
import { parseItem, splitItems } from "../list-items";
import { clauseAround, flagFact, isItem, itemIds, spanOf, type Pattern } from "../pattern-kit";
import { mentionStartingAt } from "../segment-view";

/** `主要来自R` / `来自R` after a list of items ("核心部件（涡轮风机、流量传感器、比例阀、芯片等）主要来自
 *  欧美国家"): each item is SOURCED_FROM the region, stated. Coming mainly from outside China also
 *  makes the item import-dependent, which the text implies but does not say: inferred. */
const FROM = /(?:主要|大多|多)?来自/g;

export const sourcingPattern: Pattern = {
  name: "sourcing",
  run(view, ctx) {
    const facts: Fact[] = [];
    for (const m of view.text.matchAll(FROM)) {
      const region = mentionStartingAt(view, m.index + m[0].length);
      if (!region || region.target.type !== "term") continue;
      const term = ctx.lexicon.byId.get(region.target.id);
      if (term?.kind !== "Region") continue;
      const [start] = clauseAround(view, m.index);
      // The items are the parenthesised list just before (核心部件（…）), else the clause's items.
      const paren = /\(([^()]*)\)$/.exec(view.text.slice(start, m.index));
      const from = paren ? m.index - paren[0].length + 1 : start;
      const to = paren ? m.index - 1 : m.index;
      const quote = spanOf(view, start, region.end);
      const foreign = !isWithinChina(ctx.lexicon.byId, term.id);
      for (const [s, e] of splitItems(view, from, to)) {
        const item = parseItem(view, ctx.lexicon, s, e);
        if (item?.status !== "known" || !item.ids.every((id) => isItem(ctx, id))) continue;
        for (const id of itemIds(item, quote, "sourcing", facts)) {
          facts.push({ type: "edge", kind: "SOURCED_FROM", from: id, to: term.id, confidence: "stated", span: quote, pattern: "sourcing" });
          facts.push({ type: "mention", id: term.id, span: quote });
          if (foreign) facts.push(...flagFact(id, "IMPORT_DEPENDENT", quote, "sourcing", "inferred", `sourced mainly from ${term.en}, outside China`));
        }
      }
    }
    return facts;
  },
};

function isWithinChina(byId: ReadonlyMap<string, { readonly id: string; readonly within: readonly string[] }>, id: string): boolean {
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const r = queue.shift()!;
    if (r === "china") return true;
    if (seen.has(r)) continue;
    seen.add(r);
    queue.push(...(byId.get(r)?.within ?? []));
  }
  return false;
}
