/**
 * Proof paths written straight into the report as JSON arrays of ids, with exactly the paths
 * and the budget rule of `buildPaths` (proof.ts): path(x) = path(after) + segment + x while the
 * budget lasts, else [product, after, …segment, x], marked truncated.
 *
 * Why not build the paths first: a 10^6-node report has millions of them, sharing prefixes. Each
 * entry here keeps only its parent entry, its segment and where its text was written. Its path
 * is its parent's text written again (one move, while that text is still in the writer's
 * buffer), then its own segment and node; when the parent's text has gone to the sink, the
 * writer walks up to the nearest ancestor whose text is still buffered (or to the product) and
 * writes each id below it from its pre-encoded bytes. Nothing per path outlives the product and
 * no text exists but the output.
 */
import type { JsonIds } from "./json-ids";
import type { JsonWriter } from "./json-writer";
import type { ProofBuilder } from "./proof";
import { scratchInt32 } from "./scratch";

/** An entry's parent when its path starts at the product itself. */
const PRODUCT_ROOT = -1;

export interface PathEntries {
  readonly node: Int32Array;
  readonly after: Int32Array;
  readonly slot: Int32Array;
}

export class ProofPathWriter {
  /** Per node: the walk (1-based product count) in which `entryOf` holds its entry, whose path
   *  is complete and can be extended (a Map per product measured slower at 10^6 verdicts). */
  private readonly stamp: Int32Array;
  private readonly entryOf: Int32Array;
  private epoch = 0;
  // The current product's entries, by position in its walk.
  private product = 0;
  private lo = 0;
  private parent = new Int32Array(64);
  private length = new Int32Array(64);
  /** Output positions of each entry's path text (the ids, without the brackets). */
  private textFrom = new Float64Array(64);
  private textTo = new Float64Array(64);
  private readonly segments: Int32Array[] = [];
  /** Entries from one up to the product, to be written back down. */
  private chain = new Int32Array(64);

  constructor(
    private readonly builder: ProofBuilder,
    private readonly entries: PathEntries,
    private readonly budget: { left: number },
    private readonly ids: JsonIds,
    private readonly out: JsonWriter,
    nodeCount: number,
  ) {
    this.stamp = scratchInt32("report.pathStamp", nodeCount, true);
    this.entryOf = scratchInt32("report.pathEntry", nodeCount);
  }

  /** Starts the product whose entries are `entries[lo, hi)`, taken in order by `write`. */
  begin(product: number, lo: number, hi: number): void {
    const ep = ++this.epoch;
    this.stamp[product] = ep;
    this.entryOf[product] = PRODUCT_ROOT;
    this.product = product;
    this.lo = lo;
    if (this.parent.length < hi - lo) {
      const size = Math.max(hi - lo, 2 * this.parent.length);
      this.parent = new Int32Array(size);
      this.length = new Int32Array(size);
      this.textFrom = new Float64Array(size);
      this.textTo = new Float64Array(size);
      this.chain = new Int32Array(size);
    }
  }

  /** Writes entry i's path (the next entry of the product) as the ids of a JSON array, without
   *  the brackets; true when it was shortened. */
  write(i: number): boolean {
    const { entries, budget, stamp, entryOf, ids, out, product } = this;
    const k = i - this.lo;
    const x = entries.node[i];
    const after = entries.after[i];
    const seg = this.builder.through(entries.slot[i]);
    this.segments[k] = seg;
    const known = stamp[after] === this.epoch;
    const prefix = known ? entryOf[after] : PRODUCT_ROOT;
    const prefixLength = !known ? 0 : prefix === PRODUCT_ROOT ? 1 : this.length[prefix];
    let truncated = false;
    if (known && budget.left >= prefixLength + seg.length + 1) this.length[k] = prefixLength + seg.length + 1;
    else {
      this.length[k] = (after === product ? 1 : 2) + seg.length + 1;
      truncated = after !== product;
    }
    budget.left -= this.length[k];
    if (truncated) {
      ids.write(product);
      ids.writeNext(after);
      this.writeSegment(seg);
      ids.writeNext(x);
      return true;
    }
    this.parent[k] = prefix;
    stamp[x] = this.epoch;
    entryOf[x] = k;
    this.textFrom[k] = out.written;
    this.writePath(prefix);
    this.writeSegment(seg);
    ids.writeNext(x);
    this.textTo[k] = out.written;
    return false;
  }

  /** The path of entry e (PRODUCT_ROOT: the product alone). */
  private writePath(e: number): void {
    const { chain, parent, segments, entries, ids, out, textFrom, textTo, lo } = this;
    let depth = 0;
    for (;;) {
      if (e === PRODUCT_ROOT) {
        this.ids.write(this.product);
        break;
      }
      if (out.repeat(textFrom[e], textTo[e])) break;
      chain[depth++] = e;
      e = parent[e];
    }
    while (depth > 0) {
      const c = chain[--depth];
      this.writeSegment(segments[c]!);
      ids.writeNext(entries.node[lo + c]);
    }
  }

  private writeSegment(seg: Int32Array): void {
    for (let j = 0; j < seg.length; j++) this.ids.writeNext(seg[j]);
  }
}
