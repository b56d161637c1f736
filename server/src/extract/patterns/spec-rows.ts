import type { Fact } from "../facts";
import { edgeFact, spanOf, type Pattern } from "../pattern-kit";

/** Parts named in a specification-table row (004's 首台（套） catalogue): "13.10.4多排螺旋计算机断层扫描（CT）
 *  系统套高压发生器≥50kW；…探测器物理排数≥64排" — the product needs the high-voltage generator and the
 *  detector whose indicators are given. A part that appears only as a parameter is inferred; one
 *  the row says the product has (具备无线碘化铯平板探测器) is stated. */
const PART_KINDS = new Set(["Component", "Material"]);

export const specRowsPattern: Pattern = {
  name: "spec-rows",
  run(view, ctx) {
    const facts: Fact[] = [];
    const rows = view.specRows ?? [];
    if (rows.length === 0) return facts;
    for (const m of view.mentions) {
      if (rows.some((r) => r.nameStart !== undefined && r.nameEnd !== undefined && m.start < r.nameEnd && m.end > r.nameStart)) continue;
      const row = [...rows].reverse().find((r) => r.at <= m.start);
      if (!row?.id) continue;
      const host = row.id;
      const ids =
        m.target.type === "term"
          ? [m.target.id]
          : m.target.type === "group"
            ? m.target.ids
            : m.target.type === "contextual" && m.target.byHost[host] !== undefined
              ? [m.target.byHost[host]!]
              : [];
      const parts = ids.filter((id) => PART_KINDS.has(ctx.lexicon.byId.get(id)?.kind ?? ""));
      if (parts.length === 0) continue;
      let end = m.end;
      while (end < view.text.length && view.text[end] !== ";") end++;
      const start = row.nameStart !== undefined ? Math.min(row.at, m.start) : m.start;
      const quote = spanOf(view, start, end);
      const stated = /具备$/.test(view.text.slice(0, m.start));
      for (const to of parts) {
        facts.push(...edgeFact(host, to, quote, "spec-rows", stated ? "stated" : "inferred", `named as a parameter in the specification row of "${row.label}"`));
      }
    }
    return facts;
  },
};
