import type { Fact } from "../facts";
import { clauseAround, flagFact, knownItems, spanOf, type Pattern } from "../pattern-kit";

/** DOMESTIC_BREAKTHROUGH, for what the texts report as achieved: "突破了超导磁体、电子加速器…等一批
 *  关键技术", "…等核心部件研制取得实质性突破", "…等高端产品成功实现国产化". Targets and goals are not
 *  achievements, so sentences that set a date or a goal (到2030年, 力争, 目标) are skipped. */
const ACHIEVED_AFTER = /突破了/g;
const ACHIEVED_BEFORE = /取得了?(?:实质性|重大|重要)?突破|(?:成功|已经?)实现国产化|实现了国产化/g;
const GOAL = /到\d{4}年|力争|目标/;

export const breakthroughPattern: Pattern = {
  name: "breakthrough",
  run(view, ctx) {
    const facts: Fact[] = [];
    if (GOAL.test(view.text)) return facts;
    for (const m of view.text.matchAll(ACHIEVED_AFTER)) {
      const [, end] = clauseAround(view, m.index);
      const items = knownItems(view, ctx, m.index + m[0].length, end);
      const quote = spanOf(view, m.index, end);
      for (const item of items) for (const id of item.ids) facts.push(...flagFact(id, "DOMESTIC_BREAKTHROUGH", quote, "breakthrough", "stated"));
    }
    for (const m of view.text.matchAll(ACHIEVED_BEFORE)) {
      const [start] = clauseAround(view, m.index);
      const items = knownItems(view, ctx, start, m.index);
      const quote = spanOf(view, start, m.index + m[0].length);
      for (const item of items) for (const id of item.ids) facts.push(...flagFact(id, "DOMESTIC_BREAKTHROUGH", quote, "breakthrough", "stated"));
    }
    return facts;
  },
};
