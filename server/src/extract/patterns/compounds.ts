import type { Fact } from "../facts";
import { parseItem, splitGroups } from "../list-items";
import { edgeFact, itemIds, partOfHost, spanOf, type Pattern } from "../pattern-kit";

/** Noun compounds that name a part together with its host, and the lists they head:
 *  - a lexicon compound carries its host (CT球管 → CT, 彩超探头 → 彩超, 内窥镜光纤 → 内窥镜);
 *  - a host named right before a part inside one entry (磁共振|超导磁体, 疫苗新|佐剂,
 *    计算机断层扫描（CT）|X射线管), and then, by a distributive reading, the parts that follow in the
 *    same list without a host of their own (磁共振高场强磁体、低温线圈、多核谱仪).
 *  Both need interpretation, so both are inferred. Under a product heading the heading is the
 *  parent instead (part-lists), and connectors (用, 的, 中) are the uses pattern's. */
const COMPOUND_LINK = /^(?:新型|新)?$/;
const PART_KINDS: ReadonlySet<string> = new Set(["Component", "Material"]);

export const compoundsPattern: Pattern = {
  name: "compounds",
  run(view, ctx) {
    const facts: Fact[] = [];
    // Under a device heading the heading is the parent (part-lists): a compound only counts when
    // it names that device ("3．疫苗。…疫苗新型佐剂").
    const heading = view.heading && !ctx.lexicon.byId.get(view.heading.id)?.family && view.offset !== view.heading.segmentOffset ? view.heading.id : undefined;
    const allowed = (host: string) => heading === undefined || host === heading;
    for (const group of splitGroups(view, 0, view.text.length)) {
      const quote = spanOf(view, group[0]![0], group[group.length - 1]![1]);
      let distributive: { ids: readonly string[]; label: string } | undefined;
      const emit = (host: string, id: string, note: string) => {
        if (allowed(host)) facts.push(...edgeFact(host, id, quote, "compounds", "inferred", note));
      };
      for (const [s, e] of group) {
        const item = parseItem(view, ctx.lexicon, s, e);
        if (!item || item.status !== "known") continue;
        // The host written inside the entry may itself be a compound: CT球管|用|真空高温轴承.
        if (item.host) {
          for (const [host, id] of partOfHost(ctx, view, item.host.start, item.host.end)) {
            emit(host, id, `noun compound: "${view.text.slice(item.host.start, item.host.end)}" names its host`);
          }
        }
        // Only a part is named with its host: 超声内窥镜 is a device of its own.
        if (!item.ids.every((id) => PART_KINDS.has(ctx.lexicon.byId.get(id)?.kind ?? ""))) {
          distributive = undefined;
          continue;
        }
        const viaName = partOfHost(ctx, view, item.headStart, item.end);
        for (const [host, id] of viaName) emit(host, id, `noun compound: "${view.text.slice(item.headStart, item.end)}" names its host`);
        const prefix = item.host !== undefined && COMPOUND_LINK.test(view.text.slice(item.host.end, item.headStart));
        if (prefix) {
          for (const host of item.hostIds) for (const id of item.ids) emit(host, id, `noun compound: "${item.text}" names its host`);
          distributive = { ids: item.hostIds, label: item.text };
          continue;
        }
        if (item.hostIds.length > 0 || viaName.length > 0) {
          distributive = undefined;
          continue;
        }
        if (!distributive) continue;
        itemIds(item, quote, "compounds", facts);
        for (const host of distributive.ids) {
          for (const id of item.ids) {
            emit(host, id, `distributive reading: "${item.text}" follows "${distributive.label}" in one list, and its prefix is read as covering it`);
          }
        }
      }
    }
    return facts;
  },
};

