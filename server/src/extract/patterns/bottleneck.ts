import type { Fact } from "../facts";
import { parseItem, splitGroups, splitItems } from "../list-items";
import { clauseAround, flagFact, itemIds, spanOf, type Pattern } from "../pattern-kit";

/** POLICY_BOTTLENECK: what the texts set as a 攻关/攻克/突破 target or a 短板 to fill —
 *  - the items listed after the verb, to the end of the clause ("攻关智能手术机器人", "突破7T人体全身磁共振
 *    成像系统、多能谱X射线CT…等影像诊断装备", "加快补齐高端医疗装备短板"), and the items of a clause
 *    that calls them 卡脖子 (the texts use the word only for technologies in general, so it finds none);
 *  - every entry of a paragraph headed "攻关关键零部件。" (003 专栏 1), where the heading is the verb.
 *  The item is the head of each entry: in "透析设备用真空泵" the pump is the target, not the machine.
 *  Achievements (突破了, 取得突破) are DOMESTIC_BREAKTHROUGH instead. */
const TARGET = /(?:着力攻关|攻关|攻克|重点突破|全面突破|突破)(?!了)/g;
const GAP = /补齐([^,;。]{1,20}?)短板/g;
/** "…卡脖子…": the items of the clause that calls them a chokehold. */
const CHOKEHOLD = /卡脖子/g;

export const bottleneckPattern: Pattern = {
  name: "bottleneck",
  run(view, ctx) {
    const facts: Fact[] = [];
    const flag = (from: number, to: number, quoteFrom: number, headingStart?: number) => {
      const own = spanOf(view, quoteFrom, to);
      // Under a heading ("攻关关键零部件。…"), the quote runs from the heading, which holds the verb.
      const quote = headingStart === undefined ? own : { ...own, start: headingStart };
      for (const [s, e] of splitItems(view, from, to)) {
        const item = parseItem(view, ctx.lexicon, s, e);
        // An entry the lexicon lacks is kept for curation when its head noun names a thing.
        if (item?.status !== "known" && item?.status !== "unknown") continue;
        for (const id of itemIds(item, quote, "bottleneck", facts)) {
          facts.push(...flagFact(id, "POLICY_BOTTLENECK", quote, "bottleneck", "stated"));
        }
      }
    };
    const heading = view.bottleneckParagraph;
    const underHeading = heading !== undefined && view.offset !== heading.segmentOffset;
    for (const m of underHeading ? [] : view.text.matchAll(TARGET)) {
      // "取得…突破" and "攻关行动" (the name of an action plan) are not targets.
      if (/取得|实现/.test(view.text.slice(Math.max(0, m.index - 4), m.index)) || view.text.startsWith("行动", m.index + m[0].length)) continue;
      const [, end] = clauseAround(view, m.index);
      // "突破PET、CT…等多模态分子影像融合和一体化扫描技术": the items name a technique's field, not a target.
      if (/等[^,;。]+技术$/.test(view.text.slice(m.index, end)) && !/等(?:关键|核心|关键核心|共性关键)技术$/.test(view.text.slice(m.index, end))) continue;
      flag(m.index + m[0].length, end, m.index);
    }
    for (const m of view.text.matchAll(GAP)) flag(m.index + 2, m.index + 2 + m[1]!.length, m.index);
    for (const m of view.text.matchAll(CHOKEHOLD)) {
      const [start, end] = clauseAround(view, m.index);
      flag(start, end, start);
    }
    if (heading && underHeading) {
      for (const group of splitGroups(view, 0, view.text.length)) flag(group[0]![0], group[group.length - 1]![1], group[0]![0], heading.segmentOffset + heading.start);
    }
    return facts;
  },
};
