import type { Fact } from "../facts";
import { clauseAround, spanOf, type Pattern } from "../pattern-kit";

/** Regions and suppliers named in the texts, and what the texts say about the suppliers:
 *  - every named region or supplier becomes a node, citing the clause that names it;
 *  - companies named inside a cluster ("“泰连锡”生物医药集群内康缘药业与药明康德…", "张江生物医药集群
 *    集聚了…CRO企业，包括药明康德、睿智化学等") are LOCATED_IN the cluster's regions (inferred: the text
 *    places them in the cluster, the lexicon places the cluster);
 *  - a cluster's output ("深广高端医疗器械集群…高端医疗器械产值超过400亿元", "医疗器械产品线覆盖…"):
 *    the product is SOURCED_FROM the cluster, stated; a cluster that gathers a product's makers
 *    ("聚集了7家全球前10大生物医药企业"): inferred. */
const OUTPUT = /产值|产品线/;
const GATHERS = /(?:聚集|集聚)了?/;
const MEMBERS = /内|包括/;

export const placesPattern: Pattern = {
  name: "places",
  run(view, ctx) {
    const facts: Fact[] = [];
    const kindOf = (id: string) => ctx.lexicon.byId.get(id)?.kind;
    const named = view.mentions.flatMap((m) =>
      m.target.type === "term" ? [{ id: m.target.id, start: m.start, end: m.end }] : m.target.type === "group" ? m.target.ids.map((id) => ({ id, start: m.start, end: m.end })) : [],
    );
    for (const m of named) {
      const kind = kindOf(m.id);
      if (kind !== "Region" && kind !== "Supplier") continue;
      const [start, end] = clauseAround(view, m.start);
      facts.push({ type: "mention", id: m.id, span: spanOf(view, start, end) });
    }
    const clusters = named.filter((m) => kindOf(m.id) === "Supplier" && ctx.lexicon.byId.get(m.id)!.locatedIn.length > 0 && /集群/.test(ctx.lexicon.byId.get(m.id)!.zh));
    for (const cluster of clusters) {
      const term = ctx.lexicon.byId.get(cluster.id)!;
      const companies = named.filter((m) => m.start >= cluster.end && kindOf(m.id) === "Supplier" && !/集群/.test(ctx.lexicon.byId.get(m.id)!.zh));
      if (companies.length > 0 && MEMBERS.test(view.text.slice(cluster.end, companies[0]!.start))) {
        const quote = spanOf(view, cluster.start, companies[companies.length - 1]!.end);
        for (const c of companies) {
          for (const region of term.locatedIn) {
            facts.push({
              type: "edge",
              kind: "LOCATED_IN",
              from: c.id,
              to: region,
              confidence: "inferred",
              note: `named as a member of ${term.en}, which lies in ${ctx.lexicon.byId.get(region)?.en ?? region}`,
              span: quote,
              pattern: "places",
            });
          }
          facts.push({ type: "mention", id: c.id, span: quote });
        }
      }
      for (const p of named.filter((m) => m.start >= cluster.end && kindOf(m.id) === "Product")) {
        const between = view.text.slice(cluster.end, p.start);
        const rest = view.text.slice(p.end, p.end + 6);
        const [, clauseEnd] = clauseAround(view, p.end);
        const quote = spanOf(view, cluster.start, clauseEnd);
        if (OUTPUT.test(rest)) {
          facts.push({ type: "edge", kind: "SOURCED_FROM", from: p.id, to: cluster.id, confidence: "stated", span: quote, pattern: "places" });
        } else if (GATHERS.test(between) && /^(?:类)?企业/.test(view.text.slice(p.end))) {
          facts.push({
            type: "edge",
            kind: "SOURCED_FROM",
            from: p.id,
            to: cluster.id,
            confidence: "inferred",
            note: "the cluster gathers makers of this product",
            span: quote,
            pattern: "places",
          });
        } else continue;
        facts.push({ type: "mention", id: p.id, span: quote }, { type: "mention", id: cluster.id, span: quote });
      }
    }
    return facts;
  },
};
