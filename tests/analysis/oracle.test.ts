/**
 * The engine against a brute-force oracle (oracle.ts) on seeded random graphs with alternatives,
 * several sources, multi-region suppliers, region hierarchies with several parents, mixed
 * confidence and REQUIRES/WITHIN cycles. Every mismatch is collected; the test expects none.
 */
import { compact, cutSets, MAX_CUT_LIMIT, scenario, spofs } from "../../server/src/analysis";
import { bruteForce, prepare, shortestExplanation, stepValid, unavailable } from "./oracle";
import { mulberry32, randomGraph } from "./random-graph";

const GRAPHS = 1200;

interface Tally {
  graphs: number;
  cyclic: number;
  spofVerdicts: number;
  pairs: number;
  scenarios: number;
  mismatches: string[];
}

function check(seed: number, tally: Tally): void {
  const rg = randomGraph(seed);
  const g = compact(rg);
  const dropped = g.findings.filter((f) => f.code === "REQUIRES_CYCLE" || f.code === "WITHIN_CYCLE").map((f) => f.edge!);
  if (dropped.length > 0) tally.cyclic++;
  const p = prepare(rg, dropped);
  const oracle = bruteForce(p);
  const fail = (what: string) => tally.mismatches.push(`seed ${seed}: ${what}`);
  const products = rg.nodes.filter((n) => n.kind === "Product").map((n) => n.id);

  for (const prod of products) {
    // SPOFs, their inferred flags, and the validity of every proof path.
    const result = spofs(g, prod);
    const got = result.spofs.map((s) => s.id).sort();
    const want = oracle.spofs.get(prod)!;
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${prod} spofs ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    for (const s of result.spofs) {
      tally.spofVerdicts++;
      if (s.inferred !== oracle.inferred.get(prod)!.get(s.id)) fail(`${prod} spof ${s.id} inferred ${s.inferred}`);
      const down = unavailable(p, new Set([s.id]));
      if (s.path[0] !== prod || s.path[s.path.length - 1] !== s.id) fail(`${prod} spof ${s.id} path ends ${s.path.join(">")}`);
      for (let i = 0; i + 1 < s.path.length; i++) {
        if (!stepValid(p, down, s.path[i]!, s.path[i + 1]!)) fail(`${prod} spof ${s.id} invalid step ${s.path[i]} → ${s.path[i + 1]}`);
      }
      if (s.steps.length !== s.path.length - 1) fail(`${prod} spof ${s.id} steps`);
    }

    // Order-2 cut sets: the full list, and a truncated one.
    const cuts = cutSets(g, prod, { limit: MAX_CUT_LIMIT });
    const gotPairs = cuts.pairs.map((c) => [...c.ids].sort().join("|")).sort();
    const wantPairs = oracle.pairs.get(prod)!;
    if (JSON.stringify(gotPairs) !== JSON.stringify(wantPairs)) fail(`${prod} pairs ${JSON.stringify(gotPairs)} ≠ ${JSON.stringify(wantPairs)}`);
    for (const c of cuts.pairs) {
      tally.pairs++;
      const [x, y] = c.ids;
      const dx = unavailable(p, new Set([x]));
      const dy = unavailable(p, new Set([y]));
      const dxy = unavailable(p, new Set([x, y]));
      const statedDown = unavailable(p, new Set([x, y]), true);
      if (c.inferred !== !statedDown.has(prod)) fail(`${prod} pair ${x}|${y} inferred ${c.inferred}`);
      const joint = (v: string) => dxy.has(v) && !dx.has(v) && !dy.has(v);
      if (c.path[0] !== prod || c.path[c.path.length - 1] !== c.at || !c.path.every(joint)) fail(`${prod} pair ${x}|${y} path ${c.path.join(">")}`);
      for (let i = 0; i + 1 < c.path.length; i++) if (!stepValid(p, dxy, c.path[i]!, c.path[i + 1]!)) fail(`${prod} pair ${x}|${y} invalid step`);
      for (const m of c.members) {
        const by = [...(dx.has(m.id) ? [x] : []), ...(dy.has(m.id) ? [y] : [])];
        if (JSON.stringify(by) !== JSON.stringify(m.disabledBy) || by.length === 0) fail(`${prod} pair ${x}|${y} member ${m.id}`);
      }
    }
    if (wantPairs.length > 2) {
      const limited = cutSets(g, prod, { limit: 2 });
      if (limited.pairs.length !== 2 || !limited.truncated) fail(`${prod} limit 2 gave ${limited.pairs.length}, truncated ${limited.truncated}`);
      for (const c of limited.pairs) if (!wantPairs.includes([...c.ids].sort().join("|"))) fail(`${prod} limited pair ${c.ids.join("|")}`);
    } else if (cuts.truncated) fail(`${prod} truncated without reason`);
  }

  // Scenarios: random failure sets of one to three nodes.
  const rnd = mulberry32(seed * 7919);
  for (let k = 0; k < 3; k++) {
    const size = 1 + Math.floor(rnd() * 3);
    const failed = new Set<string>();
    for (let i = 0; i < size; i++) failed.add(rg.nodes[Math.floor(rnd() * rg.nodes.length)]!.id);
    const result = scenario(g, [...failed]);
    tally.scenarios++;
    const down = unavailable(p, failed);
    const statedDown = unavailable(p, failed, true);
    const want = products.filter((x) => down.has(x)).sort();
    const got = result.disabled.map((d) => d.id);
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`scenario ${[...failed]} disabled ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    for (const d of result.disabled) {
      const e = d.explanation;
      if (e[0] !== d.id || !failed.has(e[e.length - 1]!)) fail(`scenario ${[...failed]} ${d.id} explanation ends`);
      for (let i = 0; i + 1 < e.length; i++) if (!stepValid(p, down, e[i]!, e[i + 1]!)) fail(`scenario ${[...failed]} ${d.id} invalid step ${e[i]} → ${e[i + 1]}`);
      if (e.length - 1 !== shortestExplanation(p, down, failed, d.id)) fail(`scenario ${[...failed]} ${d.id} explanation not shortest`);
      if (d.inferred !== !statedDown.has(d.id)) fail(`scenario ${[...failed]} ${d.id} inferred ${d.inferred}`);
    }
  }
  tally.graphs++;
}

test(`engine = brute-force oracle on ${GRAPHS} random graphs (SPOFs, proofs, order-2 cut sets, scenarios)`, () => {
  const tally: Tally = { graphs: 0, cyclic: 0, spofVerdicts: 0, pairs: 0, scenarios: 0, mismatches: [] };
  for (let seed = 1; seed <= GRAPHS; seed++) check(seed, tally);
  // The generator must actually exercise the hard cases.
  expect(tally.cyclic).toBeGreaterThan(50);
  expect(tally.spofVerdicts).toBeGreaterThan(2000);
  expect(tally.pairs).toBeGreaterThan(1000);
  process.stdout.write(
    `oracle: ${tally.graphs} graphs (${tally.cyclic} with cycles), ${tally.spofVerdicts} SPOF verdicts, ${tally.pairs} cut pairs, ${tally.scenarios} scenarios, ${tally.mismatches.length} mismatches\n`,
  );
  expect(tally.mismatches.slice(0, 20)).toEqual([]);
});
