import type { InterchangeGraph } from "@chokepoint/graph-schema";
import type { SurfaceResolver } from "./surface-resolver";

/** The hand-labelled REQUIRES sample (tests/extraction/labels/requires-sample.json). */
export interface LabelledSample {
  readonly passages: readonly {
    readonly doc: string;
    readonly lines: readonly [number, number];
    readonly text: string;
    readonly requires: readonly { readonly parent: string; readonly child: string; readonly confidence: string }[];
  }[];
}

export interface PassageScore {
  readonly doc: string;
  readonly lines: readonly [number, number];
  /** Extracted REQUIRES edges with evidence in this passage's lines, and whether each is in the gold. */
  readonly predicted: readonly { readonly from: string; readonly to: string; readonly correct: boolean }[];
  /** The passage's gold relations, the id pairs they resolve to, and whether one was extracted. */
  readonly gold: readonly { readonly parent: string; readonly child: string; readonly pairs: readonly string[]; readonly found: boolean }[];
}

export interface SampleScore {
  readonly precision: number;
  readonly recall: number;
  readonly predicted: number;
  readonly correct: number;
  readonly gold: number;
  readonly found: number;
  readonly passages: readonly PassageScore[];
}

/** Precision and recall of the extracted REQUIRES edges against the sample. A gold relation's
 *  parent and child are resolved to ids with the lexicon's resolver (a group form such as
 *  CT/PET探测器 gives several ids; an unresolvable form can never be found). Predicted are the
 *  edges with an evidence entry in the passage's document and lines. An edge is correct when it is
 *  one of the id pairs of a gold relation of that passage; a gold relation is found when one of
 *  its pairs was extracted. */
export function scoreRequires(graph: InterchangeGraph, sample: LabelledSample, resolver: SurfaceResolver): SampleScore {
  const requires = graph.edges.filter((e) => e.kind === "REQUIRES");
  const passages: PassageScore[] = sample.passages.map((p) => {
    const [first, last] = p.lines;
    const inPassage = requires.filter((e) => e.evidence.some((ev) => ev.doc === p.doc && ev.line !== undefined && ev.line >= first && ev.line <= last));
    const predictedKeys = new Set(inPassage.map((e) => `${e.from}>${e.to}`));
    const gold = p.requires.map((r) => {
      const parents = resolver.resolve(r.parent, { passage: p.text });
      const children = resolver.resolve(r.child, { passage: p.text, hosts: parents });
      const pairs = parents.flatMap((a) => children.map((b) => `${a}>${b}`));
      return { parent: r.parent, child: r.child, pairs, found: pairs.some((k) => predictedKeys.has(k)) };
    });
    const goldKeys = new Set(gold.flatMap((g) => g.pairs));
    return {
      doc: p.doc,
      lines: p.lines,
      predicted: inPassage.map((e) => ({ from: e.from, to: e.to, correct: goldKeys.has(`${e.from}>${e.to}`) })),
      gold,
    };
  });
  const predicted = passages.reduce((s, p) => s + p.predicted.length, 0);
  const correct = passages.reduce((s, p) => s + p.predicted.filter((x) => x.correct).length, 0);
  const gold = passages.reduce((s, p) => s + p.gold.length, 0);
  const found = passages.reduce((s, p) => s + p.gold.filter((g) => g.found).length, 0);
  return { precision: predicted === 0 ? 0 : correct / predicted, recall: gold === 0 ? 0 : found / gold, predicted, correct, gold, found, passages };
}
