import type { Fact } from "../facts";
import { parseItem, splitItems, type ListItem } from "../list-items";
import { edgeFact, itemIds, spanOf, type Pattern, type PatternContext } from "../pattern-kit";
import { inName, mentionStartingAt, type SegmentView } from "../segment-view";

/** The `…的` constructions that tie parts to products:
 *  - `用于X的Y` (Y made for X: 用于高端制剂…的辅料): X REQUIRES Y, stated; `用于X生产的Y` names
 *    production inputs (清洁动物、细胞系、培养基), inferred;
 *  - `基于Y的X` (X built on Y: 基于新型传感器…的医疗级可穿戴监护装备): X REQUIRES each lexicon part Y,
 *    inferred;
 *  - `A、B的X` where A and B are parts and X a product (电子直线加速器、质子/重离子回旋加速器的放射治疗系统):
 *    X REQUIRES A and B, inferred. */

const CLAUSE_END = /[,;。:!?]/;
const PART_KINDS = new Set(["Component", "Material"]);

function kindsOf(ctx: PatternContext, item: ListItem): readonly string[] {
  return item.ids.map((id) => ctx.lexicon.byId.get(id)?.kind ?? "");
}

function knownItems(view: SegmentView, ctx: PatternContext, from: number, to: number): ListItem[] {
  return splitItems(view, from, to)
    .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
    .filter((x): x is ListItem => x !== undefined && x.status === "known");
}

function clauseEnd(view: SegmentView, from: number): number {
  let i = from;
  while (i < view.text.length && !CLAUSE_END.test(view.text[i]!)) i++;
  return i;
}

function clauseStart(view: SegmentView, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_END.test(view.text[i]!)) return i + 1;
  return 0;
}

/** The first 的 after `from` in the same clause that is not inside a lexicon form. */
function nextDe(view: SegmentView, from: number): number | undefined {
  const end = clauseEnd(view, from);
  for (let i = from; i < end; i++) if (view.text[i] === "的" && !inName(view, i)) return i;
  return undefined;
}

function usedFor(view: SegmentView, ctx: PatternContext, facts: Fact[]): void {
  for (const m of view.text.matchAll(/用于/g)) {
    const de = nextDe(view, m.index + 2);
    if (de === undefined) continue;
    const production = /生产$/.test(view.text.slice(m.index + 2, de));
    const purposeEnd = production ? de - 2 : de;
    // "用于高端制剂、可提供特定功能的辅料": only the lexicon products among the purposes count.
    const parents = knownItems(view, ctx, m.index + 2, purposeEnd).filter((x) => kindsOf(ctx, x).every((k) => k === "Product"));
    if (parents.length === 0) continue;
    const end = clauseEnd(view, de + 1);
    const children = splitItems(view, de + 1, end)
      .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
      .filter((x): x is ListItem => x !== undefined && (x.status === "unknown" || (x.status === "known" && kindsOf(ctx, x).every((k) => PART_KINDS.has(k)))));
    if (children.length === 0) continue;
    const quote = spanOf(view, m.index, children[children.length - 1]!.end);
    for (const child of children) {
      for (const to of itemIds(child, quote, "purpose", facts, "Material")) {
        for (const p of parents) {
          for (const from of p.ids) {
            facts.push(
              ...(production
                ? edgeFact(from, to, quote, "purpose", "inferred", "a production input: the text lists it as used for producing the product")
                : edgeFact(from, to, quote, "purpose", "stated")),
            );
          }
        }
      }
    }
  }
}

function basedOn(view: SegmentView, ctx: PatternContext, facts: Fact[]): void {
  for (const m of view.text.matchAll(/基于/g)) {
    const de = nextDe(view, m.index + 2);
    if (de === undefined) continue;
    const parts = knownItems(view, ctx, m.index + 2, de).filter((x) => kindsOf(ctx, x).every((k) => PART_KINDS.has(k)));
    if (parts.length === 0) continue;
    const products = knownItems(view, ctx, de + 1, clauseEnd(view, de + 1)).filter((x) => kindsOf(ctx, x).every((k) => k === "Product"));
    if (products.length === 0) continue;
    const quote = spanOf(view, m.index, products[products.length - 1]!.end);
    for (const product of products) {
      for (const part of parts) {
        for (const from of product.ids) {
          for (const to of part.ids) facts.push(...edgeFact(from, to, quote, "purpose", "inferred", `"基于…的": the product is described as built on this part`));
        }
      }
    }
  }
}

function builtOn(view: SegmentView, ctx: PatternContext, facts: Fact[]): void {
  for (let de = view.text.indexOf("的"); de >= 0; de = view.text.indexOf("的", de + 1)) {
    if (inName(view, de)) continue;
    const head = mentionStartingAt(view, de + 1);
    if (!head) continue;
    const product = parseItem(view, ctx.lexicon, head.start, head.end);
    if (!product || product.status !== "known" || !kindsOf(ctx, product).every((k) => k === "Product")) continue;
    // The parts run back to the previous 的 or the clause start: "…先进功能的电子直线加速器、…回旋加速器的".
    let start = clauseStart(view, de);
    const previous = view.text.lastIndexOf("的", de - 1);
    if (previous >= start) start = previous + 1;
    const parts = splitItems(view, start, de).map(([s, e]) => parseItem(view, ctx.lexicon, s, e));
    if (parts.length === 0 || !parts.every((x) => x?.status === "known" && kindsOf(ctx, x).every((k) => PART_KINDS.has(k)))) continue;
    const quote = spanOf(view, parts[0]!.start, head.end);
    for (const part of parts as ListItem[]) {
      for (const to of part.ids) {
        for (const from of product.ids) facts.push(...edgeFact(from, to, quote, "purpose", "inferred", "the product is named as the one built on these parts (A、B的X)"));
      }
    }
  }
}

export const purposePattern: Pattern = {
  name: "purpose",
  run(view, ctx) {
    const facts: Fact[] = [];
    usedFor(view, ctx, facts);
    basedOn(view, ctx, facts);
    builtOn(view, ctx, facts);
    return facts;
  },
};
