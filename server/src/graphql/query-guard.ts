import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { MAX_PAGE_SIZE } from "../domain/graph-store";
import { MAX_CUT_LIMIT, MAX_FAIL_NODES, MAX_RANKING, MAX_SANDBOX_CHANGES } from "../services/analysis-service";
import { MAX_GRAPH_NODES, MAX_SUBGRAPH_DEPTH } from "../services/graph-service";

/**
 * Cheap checks on a GraphQL document that run before validation and execution, so abusive
 * documents (depth 50, 10,000 aliases, 100k tokens, fragment fan-out, `first: 99999999`) are
 * rejected in milliseconds with a coded 400 and no resolver ever runs. graphql-js validation is not
 * bounded for such inputs (OverlappingFieldsCanBeMerged is quadratic in the number of aliases),
 * which is why these run first. Every walk below is linear in the document: fragments are measured
 * once and their results reused, because a fragment spread twice per level expands exponentially.
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
  "Mutation.sandbox": 100,
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
/** Page size assumed for a Connection field with no `first` argument (the resolver's default). */
const DEFAULT_CONNECTION_SIZE = 50;

type RejectCode = "QUERY_TOO_DEEP" | "QUERY_TOO_COMPLEX" | "QUERY_TOO_LARGE" | "GRAPHQL_PARSE_FAILED" | "PAGE_TOO_LARGE" | "INVALID_ARGUMENT";

/** Whole-number arguments with the ranges the services enforce; checked here too so an
 *  out-of-range request is refused before any resolver (and so before any store call). The codes
 *  and messages are the services' own, so a caller sees the same answer either way. */
interface IntBound {
  readonly min: number;
  readonly max: number;
  readonly tooLarge: "PAGE_TOO_LARGE" | "INVALID_ARGUMENT";
  readonly message: string;
  /** When below `min` needs other words than above `max`. */
  readonly tooSmallMessage?: string;
}
const pageBound: IntBound = { min: 1, max: MAX_PAGE_SIZE, tooLarge: "PAGE_TOO_LARGE", message: `\`first\` is at most ${MAX_PAGE_SIZE}`, tooSmallMessage: "`first` must be a positive whole number" };
const rankingBound: IntBound = { min: 1, max: MAX_RANKING, tooLarge: "INVALID_ARGUMENT", message: `first must be a whole number from 1 to ${MAX_RANKING}` };
const depthBound: IntBound = { min: 1, max: MAX_SUBGRAPH_DEPTH, tooLarge: "INVALID_ARGUMENT", message: `depth must be a whole number from 1 to ${MAX_SUBGRAPH_DEPTH}` };
const INT_BOUNDS: Readonly<Record<string, IntBound>> = {
  "Query.nodes.first": pageBound,
  "Query.criticality.first": rankingBound,
  "Query.concentrationRanking.first": rankingBound,
  "Query.riskRanking.first": rankingBound,
  "Query.cutSets.limit": { min: 1, max: MAX_CUT_LIMIT, tooLarge: "INVALID_ARGUMENT", message: `limit must be a whole number from 1 to ${MAX_CUT_LIMIT}` },
  "Query.graph.maxNodes": { min: 1, max: MAX_GRAPH_NODES, tooLarge: "INVALID_ARGUMENT", message: `maxNodes must be a whole number from 1 to ${MAX_GRAPH_NODES}` },
  "Query.dependencies.depth": depthBound,
  "Query.dependents.depth": depthBound,
};
/** Longest list arguments: each listed id costs the engine work, and a 1 MB body holds ~70,000. */
const LIST_BOUNDS: Readonly<Record<string, number>> = {
  "Query.scenario.fail": MAX_FAIL_NODES,
  "Query.sandbox.fail": MAX_FAIL_NODES,
  "Query.sandbox.productIds": MAX_FAIL_NODES,
  "Query.sandbox.removeNodes": MAX_SANDBOX_CHANGES,
  "Query.sandbox.addSources": MAX_SANDBOX_CHANGES,
  "Mutation.sandbox.fail": MAX_FAIL_NODES,
  "Mutation.sandbox.productIds": MAX_FAIL_NODES,
  "Mutation.sandbox.removeNodes": MAX_SANDBOX_CHANGES,
  "Mutation.sandbox.addSources": MAX_SANDBOX_CHANGES,
};
const INT32_MAX = 2 ** 31 - 1;

export class QueryRejected extends GraphQLError {
  constructor(code: RejectCode, message: string) {
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
    if (/tokens\. Parsing aborted|token limit/i.test(message)) throw new QueryRejected("QUERY_TOO_LARGE", `the document has more than ${limits.maxTokens} tokens`);
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

  const depth = new DepthMeter(fragments).of(operation.selectionSet);
  if (depth > limits.maxDepth) throw new QueryRejected("QUERY_TOO_DEEP", `the query is nested deeper than ${limits.maxDepth} levels`);

  const rootType = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  const cost = new CostMeter(schema, fragments, new VariableValues(operation, variables), limits.maxCost).of(operation.selectionSet, rootType ?? undefined, undefined);
  if (cost > limits.maxCost) throw new QueryRejected("QUERY_TOO_COMPLEX", `the query's estimated cost ${Math.round(cost)} exceeds ${limits.maxCost}; ask for fewer items or less nesting`);
}

/**
 * `checkDocument` with a small LRU of verdicts, keyed by the document, the operation name and the
 * variables. Clients send the same few documents over and over, and parsing and walking each one
 * cost about as much as Apollo's whole (cached) request pipeline for a small query. Rejections are
 * remembered too, so a repeated abusive document costs one lookup; keys longer than
 * `maxKeyLength` are not cached, which bounds the memory at about size × maxKeyLength × 2 bytes.
 */
export class GuardCache {
  private readonly verdicts = new Map<string, QueryRejected | null>();

  constructor(
    private readonly limits: QueryLimits,
    private readonly schema: GraphQLSchema,
    private readonly size = 500,
    private readonly maxKeyLength = 16_384,
  ) {}

  check(source: string, operationName: string | undefined, variables: Record<string, unknown>): void {
    const key = this.keyFor(source, operationName, variables);
    if (key === undefined) return checkDocument(source, this.limits, this.schema, operationName, variables);
    const known = this.verdicts.get(key);
    if (known !== undefined) {
      // Refresh its place in the LRU order.
      this.verdicts.delete(key);
      this.verdicts.set(key, known);
      if (known) throw known;
      return;
    }
    let verdict: QueryRejected | null = null;
    try {
      checkDocument(source, this.limits, this.schema, operationName, variables);
    } catch (e) {
      if (!(e instanceof QueryRejected)) throw e;
      verdict = e;
    }
    this.verdicts.set(key, verdict);
    if (this.verdicts.size > this.size) this.verdicts.delete(this.verdicts.keys().next().value!);
    if (verdict) throw verdict;
  }

  private keyFor(source: string, operationName: string | undefined, variables: Record<string, unknown>): string | undefined {
    if (source.length >= this.maxKeyLength) return undefined;
    let vars: string;
    try {
      vars = JSON.stringify(variables);
    } catch {
      // Variables nested deeper than the stack allows (a hostile body): judge without caching;
      // GraphQL's own coercion refuses them later.
      return undefined;
    }
    const key = `${operationName ?? ""}\u0000${vars}\u0000${source}`;
    return key.length <= this.maxKeyLength ? key : undefined;
  }
}

/** Depth of selection sets, following fragments. A fragment's depth is computed once; a fragment
 *  met again while it is being measured is a cycle (validation reports it) and counts as 0. */
class DepthMeter {
  private readonly memo = new Map<string, number>();
  private readonly open = new Set<string>();

  constructor(private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>) {}

  of(set: SelectionSetNode): number {
    let max = 0;
    for (const s of set.selections) {
      let d: number;
      if (s.kind === Kind.FIELD) d = s.selectionSet ? 1 + this.of(s.selectionSet) : 1;
      else if (s.kind === Kind.INLINE_FRAGMENT) d = this.of(s.selectionSet);
      else d = this.fragment(s.name.value);
      if (d > max) max = d;
    }
    return max;
  }

  private fragment(name: string): number {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    const f = this.fragments.get(name);
    if (!f || this.open.has(name)) return 0;
    this.open.add(name);
    const d = this.of(f.selectionSet);
    this.open.delete(name);
    this.memo.set(name, d);
    return d;
  }
}

/** Variable values as the guard sees them: what the request sent, else the operation's default. */
class VariableValues {
  private readonly defaults = new Map<string, ValueNode>();

  constructor(
    operation: OperationDefinitionNode,
    private readonly sent: Record<string, unknown>,
  ) {
    for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) this.defaults.set(v.variable.name.value, v.defaultValue);
  }

  /** A whole number given literally or by a variable; anything else (absent, wrong type, outside
   *  GraphQL's 32-bit Int) is left to GraphQL's own coercion and its error. */
  int(value: ValueNode | undefined): number | undefined {
    if (!value) return undefined;
    if (value.kind === Kind.INT) return int32(Number(value.value));
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    if (Object.prototype.hasOwnProperty.call(this.sent, name)) {
      const v = this.sent[name];
      return typeof v === "number" ? int32(v) : undefined;
    }
    return this.int(this.defaults.get(name));
  }

  /** Length of a list given literally or by a variable. */
  listLength(value: ValueNode | undefined): number | undefined {
    if (!value) return undefined;
    if (value.kind === Kind.LIST) return value.values.length;
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    if (Object.prototype.hasOwnProperty.call(this.sent, name)) {
      const v = this.sent[name];
      return Array.isArray(v) ? v.length : undefined;
    }
    return this.listLength(this.defaults.get(name));
  }
}

function int32(n: number): number | undefined {
  return Number.isInteger(n) && Math.abs(n) <= INT32_MAX ? n : undefined;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

function fieldsOf(type: GraphQLNamedType | undefined): Composite | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type : undefined;
}

/**
 * Estimated cost: every field costs 1 (or its FIELD_COST), multiplied by the sizes of the lists it
 * is nested in; list sizes come from `first`/`limit` arguments where given. Cost is linear in the
 * multiplier, so each selection set is costed at multiplier 1 and scaled by its parent; a
 * fragment's cost (per type and enclosing connection size) is computed once. Sums stop growing
 * past the cap, so huge products never need exact arithmetic. Argument bounds are checked on the
 * way, once per field node.
 */
class CostMeter {
  private readonly memo = new Map<string, number>();
  private readonly open = new Set<string>();
  private readonly checked = new Set<FieldNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: VariableValues,
    private readonly cap: number,
  ) {}

  /** `connectionSize` is the page size of the enclosing Connection, applied to its `items` list. */
  of(set: SelectionSetNode, parent: GraphQLNamedType | undefined, connectionSize: number | undefined): number {
    let total = 0;
    for (const s of set.selections) {
      if (total > this.cap) return total;
      if (s.kind === Kind.FIELD) total += this.field(s, fieldsOf(parent), connectionSize);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? this.schema.getType(s.typeCondition.name.value) : parent;
        total += this.of(s.selectionSet, type ?? undefined, connectionSize);
      } else total += this.fragment(s.name.value, connectionSize);
    }
    return total;
  }

  private field(node: FieldNode, parent: Composite | undefined, connectionSize: number | undefined): number {
    const name = node.name.value;
    const fieldDef: GraphQLField<unknown, unknown> | undefined = parent?.getFields()[name];
    const key = parent ? `${parent.name}.${name}` : name;
    if (fieldDef) this.checkArguments(node, key);
    const own = FIELD_COST[key] ?? 1;
    if (!node.selectionSet) return own;
    const sizeArg = node.arguments?.find((a) => a.name.value === "first" || a.name.value === "limit");
    const given = this.variables.int(sizeArg?.value);
    // Out-of-range sizes were refused by checkArguments; clamp for arguments it does not know.
    const size = Math.min(MAX_PAGE_SIZE, Math.max(1, given ?? DEFAULT_LIST_SIZE));
    const childType = fieldDef ? getNamedType(fieldDef.type) : undefined;
    let multiplier = 1;
    let pageOfConnection: number | undefined;
    if (childType?.name.endsWith("Connection")) pageOfConnection = sizeArg ? size : DEFAULT_CONNECTION_SIZE;
    else if (name === "items" && connectionSize !== undefined) multiplier = connectionSize;
    else if (fieldDef && isListType(getNullableType(fieldDef.type))) multiplier = size;
    return own + multiplier * this.of(node.selectionSet, childType, pageOfConnection);
  }

  private fragment(name: string, connectionSize: number | undefined): number {
    const memoKey = `${name}\u0000${connectionSize ?? ""}`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const f = this.fragments.get(name);
    if (!f || this.open.has(name)) return 0;
    this.open.add(name);
    const cost = this.of(f.selectionSet, this.schema.getType(f.typeCondition.name.value) ?? undefined, connectionSize);
    this.open.delete(name);
    this.memo.set(memoKey, cost);
    return cost;
  }

  private checkArguments(node: FieldNode, key: string): void {
    if (this.checked.has(node)) return;
    this.checked.add(node);
    for (const arg of node.arguments ?? []) {
      const argKey = `${key}.${arg.name.value}`;
      const bound = INT_BOUNDS[argKey];
      if (bound) {
        const v = this.variables.int(arg.value);
        if (v !== undefined && v > bound.max) throw new QueryRejected(bound.tooLarge, bound.message);
        if (v !== undefined && v < bound.min) throw new QueryRejected("INVALID_ARGUMENT", bound.tooSmallMessage ?? bound.message);
      }
      const maxItems = LIST_BOUNDS[argKey];
      if (maxItems !== undefined) {
        const n = this.variables.listLength(arg.value);
        if (n !== undefined && n > maxItems) throw new QueryRejected("INVALID_ARGUMENT", `${arg.name.value} takes at most ${maxItems} items`);
      }
    }
  }
}
