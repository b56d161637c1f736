/**
 * The criticality order (value at risk desc, then count desc, then node index) is computed with
 * counting and radix passes; here it is checked against a plain comparator sort on random data
 * with many ties, fractions, zeros and large values.
 */
import { rankCritical } from "../../server/src/analysis/criticality";
import { mulberry32 } from "../../scripts/synthetic/generate";
import type { CompactGraph } from "../../server/src/analysis/compact";
import type { AllSpofs } from "../../server/src/analysis/spofs";
import { topRanked } from "../../server/src/analysis/top-ranked";

function randomCase(seed: number, weighted: boolean) {
  const rnd = mulberry32(seed);
  const n = 1 + Math.floor(rnd() * 400);
  const count = new Int32Array(n);
  const value = new Float64Array(n);
  const palette = [0, 0.5, 1, 1e-9, 123.25, 2 ** 40 + 0.5, 1e15, 7];
  for (let v = 0; v < n; v++) {
    count[v] = rnd() < 0.3 ? 0 : 1 + Math.floor(rnd() * 6);
    if (count[v] > 0 && weighted) value[v] = rnd() < 0.5 ? palette[Math.floor(rnd() * palette.length)]! : rnd() * 1e6;
  }
  // rankCritical reads the node count, whether any product has a value, and the per-node sums.
  const g = { nodeCount: n, annualValue: { get: () => (weighted ? 1 : NaN) } } as unknown as CompactGraph;
  const all = { products: new Int32Array([0]), count, value } as unknown as AllSpofs;
  return { g, all, count, value, n };
}

describe("criticality ranking order", () => {
  for (const weighted of [true, false]) {
    it(`matches a comparator sort on 300 random cases (${weighted ? "by value" : "by count"})`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const { g, all, count, value, n } = randomCase(seed, weighted);
        const expected = Array.from({ length: n }, (_, v) => v)
          .filter((v) => count[v]! > 0)
          .sort((a, b) => (weighted && value[a] !== value[b] ? value[b]! - value[a]! : count[b]! - count[a]! || a - b));
        const ranked = rankCritical(g, all);
        expect(ranked.weighted).toBe(weighted);
        expect(Array.from(ranked.nodes)).toEqual(expected);
      }
    });
  }
});

describe("topRanked", () => {
  it("is the head of a full sort (score descending, ties by index) among eligible nodes, for any limit", () => {
    const rnd = mulberry32(42);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(rnd() * 60);
      // Few distinct values, so ties are common; NaN marks ineligible nodes.
      const score = Float64Array.from({ length: n }, () => (rnd() < 0.2 ? NaN : Math.floor(rnd() * 5) / 4));
      const eligible = (v: number) => score[v] === score[v];
      const sorted = Array.from({ length: n }, (_, v) => v)
        .filter(eligible)
        .sort((a, b) => score[b]! - score[a]! || a - b);
      for (const limit of [0, 1, 3, 10, n, Infinity]) expect(topRanked(n, score, limit, eligible)).toEqual(sorted.slice(0, limit));
    }
  });
});
