/** The GraphQL documents the client sends (server/schema.graphql is the contract). */

/** The server's hard maximum for `graph(maxNodes)`; the map refuses to draw far fewer anyway. */
export const GRAPH_MAX_NODES = 20000;

export const GRAPH_QUERY = `query Graph($max: Int!) {
  graph(maxNodes: $max) {
    truncated
    nodes { id kind name { zh en } category flags { flag } confidence risk spofOf mappingGap }
    edges { from to kind confidence group share }
  }
}`;

export const SEARCH_QUERY = `query Search($q: String!) {
  nodes(search: $q, first: 12) { totalCount items { id kind name { zh en } category } }
}`;

const EVIDENCE = `doc line quote file row note document { id title { zh en } date } context(radius: 1) { before after }`;

export const NODE_QUERY = `query Node($id: ID!) {
  node(id: $id) {
    id kind name { zh en } aliases category confidence risk spofOf mappingGap
    flags { flag confidence evidence { ${EVIDENCE} } }
    evidence { ${EVIDENCE} }
    attrs { key value }
    outgoing { kind to group share leadTimeDays confidence toNode { id kind name { zh en } } evidence { ${EVIDENCE} } }
    incoming { kind from group share confidence fromNode { id kind name { zh en } } }
  }
}`;

const STEPS = `steps { from to edge rule stated text }`;

export const RISK_QUERY = `query Risk($id: ID!) { riskScore(id: $id) { id score terms { name value weight contribution detail } } }`;

export const SPOFS_QUERY = `query Spofs($id: ID!) {
  spofs(productId: $id) { product inferred coverage { items gaps } spofs { id kind path inferred ${STEPS} } }
}`;

export const SCENARIO_QUERY = `query Scenario($fail: [ID!]!) {
  scenario(fail: $fail) {
    failed inferred
    unavailable { kind count }
    disabled { id explanation inferred ${STEPS} time { surviveDays recoverDays exposed gapDays } }
  }
}`;

export const SANDBOX_QUERY = `query Sandbox($fail: [ID!], $add: [AlternateSourceInput!]!) {
  sandbox(fail: $fail, addSources: $add) {
    removedSpofs { product spof }
    addedSpofs { product spof }
    scenario { failed inferred unavailable { kind count } disabled { id explanation inferred ${STEPS} time { surviveDays recoverDays exposed gapDays } } }
  }
}`;

/** The tables ask for the top entries only; the query cost guard prices lists by `first`. */
export const TABLE_LIMIT = 300;

export const CRITICALITY_QUERY = `query Criticality($first: Int!) {
  criticality(first: $first) { weighted entries { id kind products count value inferredCount } }
}`;

export const CONCENTRATION_QUERY = `query Concentration($first: Int!) {
  concentrationRanking(first: $first) { id kind hhi sourceCount sharesKnown regions { region supplier share } }
}`;

export const GAPS_QUERY = `query Gaps { mappingGaps }`;
