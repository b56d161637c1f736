import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildMatcher, buildResolver, loadLexicon, scoreRequires, type LabelledSample } from "../../server/src/extract";
import { freshExtraction, SEEDS_DIR } from "./fresh-extraction";

/** Precision and recall of the extracted REQUIRES edges against the hand-labelled sample, which
 *  another analyst wrote by reading the texts (tests/extraction/labels/README.md). */
const SAMPLE = path.join(__dirname, "labels", "requires-sample.json");
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;

describe("REQUIRES extraction against the hand-labelled sample", () => {
  it("scores precision ≥ 0.95 and recall ≥ 0.90", () => {
    if (!existsSync(SAMPLE)) throw new Error(`label file missing: ${SAMPLE}`);
    const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as LabelledSample;
    const lexicon = loadLexicon(SEEDS_DIR);
    const score = scoreRequires(freshExtraction().graph, sample, buildResolver(lexicon, buildMatcher(lexicon)));
    const misses = score.passages.flatMap((p) => [
      ...p.predicted.filter((x) => !x.correct).map((x) => `false positive ${p.doc}:${p.lines.join("-")} ${x.from} → ${x.to}`),
      ...p.gold.filter((g) => !g.found).map((g) => `missed ${p.doc}:${p.lines.join("-")} ${g.parent} → ${g.child}`),
    ]);
    console.log(
      [
        `REQUIRES sample: ${sample.passages.length} passages, ${score.gold} relations`,
        `precision ${score.precision.toFixed(3)} (${score.correct}/${score.predicted})`,
        `recall ${score.recall.toFixed(3)} (${score.found}/${score.gold})`,
        ...misses,
      ].join("\n"),
    );
    expect(score.gold).toBeGreaterThanOrEqual(150);
    expect(score.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(score.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
