import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isListType,
  parse,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { MAX_PAGE_SIZE } from "../domain/graph-store";

/**
 * Cheap checks on a GraphQL document that run before validation and execution, so abusive
 * documents (depth 50, 10,000 aliases, 100k tokens, fragment fan-out) are rejected in
 * milliseconds with a coded 400 and no resolver ever runs. graphql-js validation is not bounded
 * for such inputs (OverlappingFieldsCanBeMerged is quadratic in the number of aliases), which is
 * why these run first.
 */
export interface QueryLimits {
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxFields: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxTokens: 4000,
  maxDepth: 12,
  maxAliases: 50,
  maxFields: 600,
  maxDirectives: 20,
  maxCost: 25_000,
};

/** Fields whose work is larger than a lookup: analyses over a product cone or the whole graph. */
const FIELD_COST: Readonly<Record<string, number>> = {
  "Query.spofs": 20,
  "Query.cutSets": 100,
  "Query.scenario": 50,
  "Query.sandbox": 100,
  "Query.criticality": 20,
  "Query.concentration": 5,
  "Query.mappingGaps": 20,
  "Query.riskScore": 5,
  "Query.dependencies": 20,
  "Query.dependents": 20,
  "Query.graph": 200,
};
/** Multiplier assumed for a list field with no `first`/`limit` argument. */
const DEFAULT_LIST_SIZE = 10;

export class QueryRejected extends GraphQLError {
  constructor(code: "QUERY_TOO_DEEP" | "QUERY_TOO_COMPLEX" | "QUERY_TOO_LARGE" | "GRAPHQL_PARSE_FAILED", message: string) {
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

/** Parses with a token cap and checks shape limits; throws QueryRejected. */
export function checkDocument(
  source: string,
  limits: QueryLimits,
  schema: GraphQLSchema,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): void {
  let doc: DocumentNode;
  try {
    doc = parse(source, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    if (/token limit/i.test(message)) throw new QueryRejected("QUERY_TOO_LARGE", `the document has more than ${limits.maxTokens} tokens`);
    throw new QueryRejected("GRAPHQL_PARSE_FAILED", message.replace(/^Syntax Error: /, "syntax error: ").slice(0, 200));
  }
  let aliases = 0;
  let fields = 0;
  let directives = 0;
  visit(doc, {
    Field(node) {
      fields++;
      if (node.alias) aliases++;
    },
    Directive() {
      directives++;
    },
  });
  if (aliases > limits.maxAliases) throw new QueryRejected("QUERY_TOO_COMPLEX", `the document uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`);
  if (fields > limits.maxFields) throw new QueryRejected("QUERY_TOO_COMPLEX", `the document selects ${fields} fields; at most ${limits.maxFields} are allowed`);
  if (directives > limits.maxDirectives) throw new QueryRejected("QUERY_TOO_COMPLEX", `the document uses ${directives} directives; at most ${limits.maxDirectives} are allowed`);

  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  const operation = operationName === undefined ? operations[0] : operations.find((o) => o.name?.value === operationName);
  if (!operation) return; // Apollo reports the missing operation with its own code.

  const depth = selectionDepth(operation.selectionSet, fragments, new Set(), limits.maxDepth + 1);
  if (depth > limits.maxDepth) throw new QueryRejected("QUERY_TOO_DEEP", `the query is nested deeper than ${limits.maxDepth} levels`);

  const cost = operationCost(schema, operation, fragments, variables, limits.maxCost);
  if (cost > limits.maxCost) throw new QueryRejected("QUERY_TOO_COMPLEX", `the query's estimated cost ${Math.round(cost)} exceeds ${limits.maxCost}; ask for fewer items or less nesting`);
}

/** Depth of a selection set, following fragments; `stopAt` bounds the work on huge documents and
 *  `seen` guards against fragment cycles (reported later by validation). */
function selectionDepth(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: Set<string>, stopAt: number): number {
  if (stopAt <= 0) return 0;
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const d = s.selectionSet ? 1 + selectionDepth(s.selectionSet, fragments, seen, stopAt - 1) : 1;
      max = Math.max(max, d);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, selectionDepth(s.selectionSet, fragments, seen, stopAt));
    } else {
      const name = s.name.value;
      const f = fragments.get(name);
      if (!f || seen.has(name)) continue;
      seen.add(name);
      max = Math.max(max, selectionDepth(f.selectionSet, fragments, seen, stopAt));
      seen.delete(name);
    }
    if (max >= stopAt) return max;
  }
  return max;
}

function argNumber(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === "number" ? v : undefined;
  }
  return undefined;
}

/** Estimated cost: every field costs 1 (or its FIELD_COST), multiplied by the sizes of the lists
 *  it is nested in; list sizes come from `first`/`limit` arguments where given. Fragments are
 *  expanded (so fan-out through fragments is counted), with a guard against cycles. */
function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  cap: number,
): number {
  const typeInfo = new TypeInfo(schema);
  let total = 0;
  // `connectionSize` is the page size of the enclosing Connection, applied to its `items` list.
  const walk = (set: SelectionSetNode, multiplier: number, seen: Set<string>, connectionSize?: number): void => {
    typeInfo.enter(set);
    for (const s of set.selections) {
      if (total > cap) return;
      if (s.kind === Kind.FIELD) {
        typeInfo.enter(s);
        const parent = typeInfo.getParentType();
        const fieldDef = typeInfo.getFieldDef();
        const key = parent ? `${parent.name}.${s.name.value}` : s.name.value;
        total += (FIELD_COST[key] ?? 1) * multiplier;
        let childMultiplier = multiplier;
        let pageOfConnection: number | undefined;
        const sizeArg = s.arguments?.find((a) => a.name.value === "first" || a.name.value === "limit");
        // Sizes beyond the hard page maximum are refused by the resolver with PAGE_TOO_LARGE.
        const size = Math.min(MAX_PAGE_SIZE, Math.max(1, argNumber(sizeArg?.value, variables) ?? DEFAULT_LIST_SIZE));
        if (fieldDef && getNamedType(fieldDef.type).name.endsWith("Connection")) pageOfConnection = sizeArg ? size : 50;
        else if (s.name.value === "items" && connectionSize !== undefined) childMultiplier *= connectionSize;
        else if (fieldDef && isListType(getNullableType(fieldDef.type))) childMultiplier *= size;
        if (s.selectionSet) walk(s.selectionSet, childMultiplier, seen, pageOfConnection);
        typeInfo.leave(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        typeInfo.enter(s);
        walk(s.selectionSet, multiplier, seen, connectionSize);
        typeInfo.leave(s);
      } else {
        const f = fragments.get(s.name.value);
        if (!f || seen.has(f.name.value)) continue;
        seen.add(f.name.value);
        typeInfo.enter(f);
        walk(f.selectionSet, multiplier, seen, connectionSize);
        typeInfo.leave(f);
        seen.delete(f.name.value);
      }
    }
    typeInfo.leave(set);
  };
  typeInfo.enter(operation);
  walk(operation.selectionSet, 1, new Set());
  return total;
}
