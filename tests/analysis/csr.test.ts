/**
 * The CSR adjacency against its definition: for every kind and node, the out-slots list the node's
 * edges of that kind in edge order (targets and edge indices), and so do the in-slots; unusable
 * (NO_KIND) and dropped edges are left out; labels copied onto one kind's in-slots are the labels
 * of the slots' edges. Graphs span several fill windows (2^15 target nodes each), including nodes
 * on the window boundaries.
 */
import { buildCsrs, buildOutCsrs, fillInCsrs, NO_KIND, type Csr } from "../../server/src/analysis/csr";
import { mulberry32 } from "./random-graph";

interface Columns {
  readonly n: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly kind: Uint8Array;
  readonly dropped: Uint8Array | undefined;
}

function randomColumns(seed: number, n: number, m: number): Columns {
  const rnd = mulberry32(seed);
  const node = (): number => {
    // A third of the endpoints on or next to a window boundary, or at the ends.
    if (rnd() < 0.33) return Math.min(n - 1, Math.max(0, Math.floor(rnd() * (n >> 15) + 1) * 32768 + Math.floor(rnd() * 3) - 1));
    return Math.floor(rnd() * n);
  };
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const kind = new Uint8Array(m);
  const dropped = seed % 2 === 0 ? new Uint8Array(m) : undefined;
  // Some inputs without unusable edges, which counts kinds four at a time.
  const unusable = seed % 4 === 3 ? 0 : 0.05;
  for (let i = 0; i < m; i++) {
    from[i] = node();
    to[i] = node();
    kind[i] = rnd() < unusable ? NO_KIND : Math.floor(rnd() * 4);
    if (dropped !== undefined && rnd() < 0.05) dropped[i] = 1;
  }
  return { n, from, to, kind, dropped };
}

/** The same edges listed by source (as snapshots list them), stably; unusable edges get sources
 *  out of that order, which must not matter. */
function bySource(c: Columns): Columns {
  const used = (i: number) => c.kind[i] !== NO_KIND && c.dropped?.[i] !== 1;
  // Used edges sorted by source into the places of used edges; unusable ones stay where they are.
  const usedOrder = Array.from(c.from.keys()).filter(used).sort((a, b) => c.from[a]! - c.from[b]! || a - b);
  let next = 0;
  const listed = Array.from(c.from.keys(), (i) => (used(i) ? usedOrder[next++]! : i));
  const from = Int32Array.from(listed, (i) => (used(i) ? c.from[i]! : c.n - 1 - (i % 7)));
  return {
    n: c.n,
    from,
    to: Int32Array.from(listed, (i) => c.to[i]!),
    kind: Uint8Array.from(listed, (i) => c.kind[i]!),
    dropped: c.dropped && Uint8Array.from(listed, (i) => c.dropped![i]!),
  };
}

/** The CSR of kind k one way by its definition: the edges sorted (stably) by their endpoint. */
function expected(c: Columns, k: number, outward: boolean): { offsets: number[]; targets: number[]; edges: number[] } {
  const [at, other] = outward ? [c.from, c.to] : [c.to, c.from];
  const edges: number[] = [];
  for (let i = 0; i < c.from.length; i++) if (c.kind[i] === k && c.dropped?.[i] !== 1) edges.push(i);
  edges.sort((a, b) => at[a]! - at[b]!);
  const offsets = new Array<number>(c.n + 1).fill(0);
  for (const e of edges) offsets[at[e]! + 1]!++;
  for (let v = 0; v < c.n; v++) offsets[v + 1]! += offsets[v]!;
  return { offsets, targets: edges.map((e) => other[e]!), edges };
}

/** The first index where two sequences differ (or their shorter length), or -1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

function expectCsr(csr: Csr, want: ReturnType<typeof expected>): void {
  expect(firstDifference(csr.offsets, want.offsets)).toBe(-1);
  expect(firstDifference(csr.targets, want.targets)).toBe(-1);
  expect(firstDifference(csr.edges, want.edges)).toBe(-1);
}

describe("CSR adjacency", () => {
  it("lists every node's edges of each kind, both ways, in edge order, across fill windows", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const random = randomColumns(seed, 70_000 + seed * 9_000, 60_000);
      // Half the inputs listed by source, which takes the pass that does not count sources.
      const c = seed > 4 ? bySource(random) : random;
      const { out, in: inn } = buildCsrs(c.n, c.from, c.to, c.kind, c.dropped);
      for (let k = 0; k < 4; k++) {
        expectCsr(out[k]!, expected(c, k, true));
        expectCsr(inn[k]!, expected(c, k, false));
      }
    }
  });

  it("counts kinds right from a column at any byte offset and of any length, with or without an unusable edge anywhere", () => {
    for (let offset = 0; offset < 4; offset++) {
      for (const unusableAt of [undefined, 0, 1, 2, 3, 500, "last"] as const) {
        const random = randomColumns(3, 5_000, 1_001 + offset);
        const m = random.kind.length;
        if (unusableAt !== undefined) random.kind[unusableAt === "last" ? m - 1 : unusableAt] = NO_KIND;
        const c = bySource(random);
        // The kind codes as a view that starts `offset` bytes into its buffer.
        const kind = new Uint8Array(m + 4).subarray(offset, offset + m);
        kind.set(c.kind);
        const { out, in: inn } = buildCsrs(c.n, c.from, c.to, kind, c.dropped);
        for (let k = 0; k < 4; k++) {
          expectCsr(out[k]!, expected(c, k, true));
          expectCsr(inn[k]!, expected(c, k, false));
        }
      }
    }
  });

  it("copies per-edge labels onto the in-slots of the chosen kind, with or without the in-edges of the first two kinds", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const random = randomColumns(100 + seed, 80_000, 50_000);
      const c = seed > 4 ? bySource(random) : random;
      const label = seed % 4;
      const ofEdge = Int32Array.from(c.from, (_, i) => i * 7 + 3);
      const half = buildOutCsrs(c.n, c.from, c.to, c.kind, c.dropped);
      const all = seed % 2 === 0;
      const { in: inn, labels } = all ? fillInCsrs(half, { kind: label, ofEdge }, 0) : fillInCsrs(half, { kind: label, ofEdge }, 2);
      const want = expected(c, label, false);
      expect(labels!.length).toBe(want.edges.length);
      expect(firstDifference(labels!, want.edges.map((e) => ofEdge[e]!))).toBe(-1);
      for (let k = 0; k < 4; k++) {
        const csr = inn[k]!;
        const wantK = expected(c, k, false);
        if ("edges" in csr) expectCsr(csr, wantK);
        else {
          expect(all || k >= 2).toBe(false);
          expect(firstDifference(csr.offsets, wantK.offsets)).toBe(-1);
          expect(firstDifference(csr.targets, wantK.targets)).toBe(-1);
        }
      }
    }
  });
});
