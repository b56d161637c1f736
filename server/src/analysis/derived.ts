/** The structures every analysis shares, each built once per compact graph (see cache.ts). */
import { articulationPointIndices } from "./articulation";
import { memoByGraph } from "./cache";
import type { CompactGraph } from "./compact";
import { hhiAll, singleRegionFlags } from "./concentration";
import { buildDominance } from "./dominance";
import { productCoverage } from "./gaps";
import { riskInputs } from "./risk";
import { allSpofs, markInferred } from "./spofs";

/** D(n) for every node, as generators. */
export const dominanceOf = memoByGraph((g: CompactGraph) => buildDominance(g, false));
/** The same, from stated edges only (for the `inferred` flags). Built only when some edge is not stated. */
export const statedDominanceOf = memoByGraph((g: CompactGraph) => buildDominance(g, true));
/** SPOF sets of all products, with criticality counts. */
export const allSpofsOf = memoByGraph((g: CompactGraph) => {
  const all = allSpofs(g, dominanceOf(g));
  return g.anyUnstated ? markInferred(g, statedDominanceOf(g), all) : all;
});
/** HHI over source regions of every item (NaN without sources). */
export const hhiOf = memoByGraph((g: CompactGraph) => hhiAll(g));
/** Items whose several sources all lie in one region. */
export const singleRegionOf = memoByGraph((g: CompactGraph) => singleRegionFlags(g, dominanceOf(g)));
/** Inputs and scores of the risk score for every node. */
export const riskInputsOf = memoByGraph((g: CompactGraph) => riskInputs(g, allSpofsOf(g), hhiOf(g), singleRegionOf(g)));
/** Cone item and mapping-gap counts of every product (see gaps.ts `productCoverage`). */
export const coverageOf = memoByGraph((g: CompactGraph) => productCoverage(g));
/** Undirected articulation points (the secondary lens), as node indices. */
export const articulationOf = memoByGraph((g: CompactGraph) => articulationPointIndices(g));
