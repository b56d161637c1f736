/**
 * The layout of `Dominance.info` (dominance.ts), shared with the meet walks (meet.ts).
 *
 * Per node v, four numbers at `info[4v + …]`: START and END of its generators in `gens`, its
 * topological RANK, and SOURCES_END (items: the generators in START .. SOURCES_END come from the
 * sources, ⋂ D(sources)). Interleaved because the walks read them together for nodes all over the
 * graph: one cache line per node instead of four is most of their speed at 10^6 nodes.
 */
export const START = 0;
export const END = 1;
export const RANK = 2;
export const SOURCES_END = 3;
