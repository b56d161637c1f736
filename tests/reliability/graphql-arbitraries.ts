import fc, { type GeneratorValue } from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/**
 * Random GraphQL requests for fuzzing, derived from the schema: random root fields and
 * selections, arguments from pools of boundary values (and sometimes of the wrong type), aliases,
 * inline and named fragments, directives, and variables (declared with the argument's type, sent
 * with a value that may not fit it). A second generator damages valid documents by token and
 * character edits, and sometimes damages the HTTP body itself.
 */

export type Role = "anonymous" | "reader" | "editor";

export interface FuzzRequest {
  readonly role: Role;
  /** The HTTP body, already serialised (it may be deliberately broken). */
  readonly body: string;
  /** For reports: what was sent, readable. */
  readonly summary: string;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** Uniform: fast-check's default bias towards small values would make every `chance` and `pick`
 *  favour its first outcome. */
function unbiasedNat(max: number): fc.Arbitrary<number> {
  return fc.noBias(fc.nat({ max }));
}

function nat(g: GeneratorValue, max: number): number {
  return g(unbiasedNat, max);
}

function chance(g: GeneratorValue, p: number): boolean {
  return g(fc.nat, { max: 999 }) < p * 1000;
}

function pick<T>(g: GeneratorValue, items: readonly T[]): T {
  return items[nat(g, items.length - 1)]!;
}

const ROLES: readonly Role[] = ["anonymous", "reader", "editor"];

const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "x".repeat(2000),
  "'; MATCH (n) DETACH DELETE n //",
  "`SUPPLIES`]->() DELETE",
  "<script>alert(1)</script>",
  "=HYPERLINK(\"http://x\")",
  "\u0000",
  "\u202e\u200b",
  "\ud800",
  "比例阀",
  "__proto__",
  "constructor",
  "../../../etc/passwd",
  "%s%s%n",
  "🫁".repeat(50),
  "null",
  "cp1:999999999999",
];
const INTS: readonly number[] = [0, 1, -1, 2, 3, 10, 50, 499, 500, 501, 20_000, 20_001, 99_999_999, 2_147_483_647, -2_147_483_648];
const JSON_ONLY_NUMBERS: readonly number[] = [2_147_483_648, 1e300, 1.5, -0, Number.MAX_SAFE_INTEGER + 2];
const FLOATS: readonly number[] = [0, 0.5, 1, -1, 1.0000001, 1e308, -1e308, 5e-324, 3.14];

export interface Pools {
  /** Ids of stored nodes, so some requests hit real data. */
  readonly ids: readonly string[];
}

function randomString(g: GeneratorValue, pools: Pools): string {
  const r = nat(g, 9);
  if (r < 5 && pools.ids.length > 0) return pick(g, pools.ids);
  if (r < 8) return pick(g, NASTY_STRINGS);
  return g(fc.string, { unit: "binary", maxLength: 40 });
}

/** A GraphQL literal for an input type. With `noise` > 0, that share of values is of the wrong
 *  kind (or null, or missing a required field), for validation and coercion to refuse. */
function literal(g: GeneratorValue, type: GraphQLInputType, pools: Pools, noise: number, depth = 0, nonNull = false): string {
  if (chance(g, noise)) return wrongLiteral(g, pools);
  if (isNonNullType(type)) return chance(g, noise / 2) ? "null" : literal(g, type.ofType, pools, noise, depth + 1, true);
  if (!nonNull && chance(g, 0.04)) return "null";
  if (isListType(type)) {
    // A single value where a list is expected is valid GraphQL (input coercion).
    if (chance(g, 0.25) || depth > 3) return literal(g, type.ofType, pools, noise, depth + 1);
    const n = nat(g, 3);
    return `[${Array.from({ length: n }, () => literal(g, type.ofType, pools, noise, depth + 1)).join(", ")}]`;
  }
  if (isEnumType(type)) return chance(g, 1 - noise) ? pick(g, type.getValues()).name : pick(g, ["Bogus", "PRODUCT", "true"]);
  if (isInputObjectType(type)) {
    const parts: string[] = [];
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) ? !chance(g, noise) : chance(g, 0.4)) parts.push(`${f.name}: ${literal(g, f.type, pools, noise, depth + 1)}`);
    }
    if (chance(g, noise)) parts.push(`bogus: 1`);
    return `{ ${parts.join(", ")} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
        return String(pick(g, INTS));
      case "Float":
        return String(pick(g, FLOATS));
      case "Boolean":
        return pick(g, ["true", "false"]);
      default:
        return JSON.stringify(randomString(g, pools));
    }
  }
  return wrongLiteral(g, pools);
}

function wrongLiteral(g: GeneratorValue, pools: Pools): string {
  return pick(g, ["1", "-1", "1.5", "true", "null", "Product", "[]", "{}", '""', JSON.stringify(randomString(g, pools)), "[[[1]]]", "{ a: { b: 1 } }"]);
}

/** A JSON variable value for an input type; with `noise` > 0, sometimes of the wrong JSON type. */
function jsonValue(g: GeneratorValue, type: GraphQLInputType, pools: Pools, noise: number, depth = 0, nonNull = false): unknown {
  if (chance(g, noise)) return wrongJson(g, pools);
  if (isNonNullType(type)) return chance(g, noise / 2) ? null : jsonValue(g, type.ofType, pools, noise, depth + 1, true);
  if (!nonNull && chance(g, 0.04)) return null;
  if (isListType(type)) {
    if (chance(g, 0.2) || depth > 3) return jsonValue(g, type.ofType, pools, noise, depth + 1);
    // Now and then a long list, past the API's list bounds.
    return Array.from({ length: chance(g, 0.03) ? 300 : nat(g, 3) }, () => jsonValue(g, type.ofType, pools, noise, depth + 1));
  }
  if (isEnumType(type)) return chance(g, 1 - noise) ? pick(g, type.getValues()).name : "Bogus";
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) ? !chance(g, noise) : chance(g, 0.4)) out[f.name] = jsonValue(g, f.type, pools, noise, depth + 1);
    }
    // An own "__proto__" key, as a hostile JSON body would carry it (assignment would set the prototype).
    if (chance(g, 0.05)) Object.defineProperty(out, "__proto__", { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
        return chance(g, 1 - noise) ? pick(g, INTS) : pick(g, JSON_ONLY_NUMBERS);
      case "Float":
        return pick(g, FLOATS);
      case "Boolean":
        return chance(g, 0.5);
      default:
        return randomString(g, pools);
    }
  }
  return wrongJson(g, pools);
}

function wrongJson(g: GeneratorValue, pools: Pools): unknown {
  return pick<unknown>(g, [1, -1, 1.5, true, null, "Product", [], {}, "", randomString(g, pools), [[["x"]]], { $gt: "" }, 1e300]);
}

class OperationBuilder {
  private readonly varDefs: string[] = [];
  readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private aliases = 0;

  /** `noise` is the share of deliberate mistakes (0: a document meant to pass validation). */
  constructor(
    private readonly g: GeneratorValue,
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
    private readonly maxDepth: number,
    private readonly noise: number,
  ) {}

  build(): { query: string; operationName?: string } {
    const mutation = chance(this.g, 0.12);
    const root = mutation ? this.schema.getMutationType() : this.schema.getQueryType();
    const selection = this.selectionSet(root!, 0, true);
    const named = chance(this.g, 0.3);
    const head = `${mutation ? "mutation" : "query"}${named ? " Op" : ""}${this.varDefs.length > 0 ? `(${this.varDefs.join(", ")})` : ""}`;
    return { query: [`${head} ${selection}`, ...this.fragments].join("\n"), ...(named && { operationName: "Op" }) };
  }

  private selectionSet(type: Composite, depth: number, root = false): string {
    const fields = Object.values(type.getFields());
    const n = root ? 1 + nat(this.g, 2) : 1 + nat(this.g, 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = nat(this.g, 99);
      if (!root && r < 6) parts.push("__typename");
      else if (!root && r < 11 && depth < this.maxDepth) parts.push(`... on ${type.name} ${this.selectionSet(type, depth)}`);
      else if (!root && r < 16 && depth < this.maxDepth) parts.push(`...${this.fragment(type, depth)}`);
      else parts.push(this.field(pick(this.g, fields), depth));
    }
    return `{ ${parts.join(" ")} }`;
  }

  private fragment(type: Composite, depth: number): string {
    const name = `F${this.fragments.length}`;
    this.fragments.push("");
    const index = this.fragments.length - 1;
    this.fragments[index] = `fragment ${name} on ${type.name} ${this.selectionSet(type, depth + 1)}`;
    return name;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((a) => (isNonNullType(a.type) ? !chance(this.g, this.noise) : chance(this.g, 0.45))).map((a) => `${a.name}: ${this.argument(a)}`);
    if (chance(this.g, this.noise)) args.push(`bogus: 1`);
    // A field with arguments selected twice under one response name is a validation conflict, so
    // valid documents give each one a distinct alias; noisy ones sometimes share alias a0.
    const aliased = args.length > 0 ? this.noise === 0 || !chance(this.g, this.noise) : chance(this.g, 0.15);
    const alias = aliased ? `a${chance(this.g, this.noise) ? 0 : ++this.aliases}: ` : "";
    const directive = chance(this.g, 0.05) ? ` ${this.directive()}` : "";
    const named: GraphQLNamedType = getNamedType(field.type);
    let selection = "";
    if (isObjectType(named) || isInterfaceType(named)) {
      // Past the chosen depth, close with a leaf so most documents stay valid.
      selection = depth >= this.maxDepth ? (chance(this.g, 1 - this.noise) ? " { __typename }" : "") : ` ${this.selectionSet(named, depth + 1)}`;
    } else if (chance(this.g, this.noise)) selection = " { id }";
    return `${alias}${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""}${directive}${selection}`;
  }

  private argument(a: GraphQLArgument): string {
    if (!chance(this.g, 0.3)) return literal(this.g, a.type, this.pools, this.noise);
    const name = `v${this.varDefs.length}`;
    // The argument's own type; in noisy documents sometimes a different one, which validation refuses.
    const declared = chance(this.g, this.noise) ? pick(this.g, ["Int", "String!", "[ID!]!", "Boolean", "Bogus"]) : String(a.type);
    this.varDefs.push(`$${name}: ${declared}`);
    if (!chance(this.g, this.noise)) this.variables[name] = jsonValue(this.g, a.type, this.pools, this.noise);
    return `$${name}`;
  }

  private directive(): string {
    if (!chance(this.g, this.noise)) return `@${pick(this.g, ["include", "skip"])}(if: ${pick(this.g, ["true", "false"])})`;
    return `@${pick(this.g, ["include", "skip", "deprecated", "bogus"])}(if: ${pick(this.g, ["true", "1", '"yes"'])})`;
  }
}

/** Schema-derived operations with random arguments and selections. */
export function schemaOperation(schema: GraphQLSchema, pools: Pools): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((g) => {
    const role = pick(g, ROLES);
    // Most documents are meant to be valid, so execution is fuzzed and not only validation.
    const noise = chance(g, 0.6) ? 0 : pick(g, [0.02, 0.05, 0.15]);
    const builder = new OperationBuilder(g, schema, pools, 1 + nat(g, 13), noise);
    const { query, operationName } = builder.build();
    const body = JSON.stringify({ query, variables: builder.variables, ...(operationName && { operationName }) });
    return { role, body, summary: body.length > 4000 ? `${body.slice(0, 4000)}…` : body };
  });
}

const TOKENS: readonly string[] = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ":",
  "$",
  "$v",
  "...",
  "@",
  '"',
  '"""',
  "\\",
  "\\u",
  "#",
  "!",
  "=",
  ",",
  " on ",
  "fragment ",
  "query ",
  "mutation ",
  "subscription ",
  "__schema { types { name } }",
  "__typename",
  "\u0000",
  "\uffff",
  "\ud800",
  "𝔸",
  "99999999",
  "-0",
  "1e309",
  "null",
  "\n",
];

/** Valid documents the mutator starts from; `$ID`/`$PRODUCT` are replaced by stored ids. */
export const SEED_DOCUMENTS: readonly string[] = [
  `{ node(id: "$ID") { id kind name { zh en } aliases category flags { flag confidence } outgoing { to kind share toNode { id name { en } } } incoming { from kind } risk spofOf mappingGap } }`,
  `{ nodes(first: 5, search: "valve") { items { id kind } endCursor hasNextPage totalCount } }`,
  `{ nodes(kind: Supplier, first: 3) { items { id evidence { doc line quote document { title { zh en } } } } } }`,
  `{ spofs(productId: "$PRODUCT") { product inferred spofs { id kind path steps { from to edge rule text } } coverage { items gaps } } }`,
  `{ scenario(fail: ["$ID"]) { failed inferred disabled { id explanation time { surviveDays recoverDays exposed gapDays } } unavailable { kind count } } }`,
  `{ cutSets(productId: "$PRODUCT", limit: 5) { pairs { ids kinds at rule members { id disabledBy } text } truncated coneSize } }`,
  `{ criticality(first: 10) { weighted entries { id kind count value products } } concentrationRanking(first: 5) { id hhi regions { region share } } }`,
  `{ dependencies(id: "$PRODUCT", depth: 3) { nodes { id } edges { from to kind } truncated } dependents(id: "$ID") { nodes { id } truncated } }`,
  `{ graph(maxNodes: 100) { nodes { id risk spofOf mappingGap } edges { from to } truncated } }`,
  `{ sandbox(addSources: [{ item: "$ID", source: "$ID" }], removeNodes: ["$ID"], fail: ["$ID"]) { removedSpofs { product spof } addedSpofs { product spof } scenario { failed } } }`,
  `query Risk($id: ID!) { riskScore(id: $id) { id score terms { name value weight contribution detail } } riskRanking(first: 3) { id score } }`,
  `mutation { upsertNode(node: { id: "fuzz-node", kind: Component, name: { zh: "模糊", en: "Fuzz" }, attrs: [{ key: "inventoryDays", value: 3 }] }) { version nodesUpserted unchanged } }`,
  `mutation { upsertEdge(edge: { from: "$PRODUCT", to: "fuzz-node", kind: REQUIRES }) { version edgesUpserted } }`,
  `mutation Del { deleteEdge(from: "$PRODUCT", kind: REQUIRES, to: "fuzz-node") { edgesDeleted } }`,
  `{ stats { version nodeCount edgeCount nodes { kind count } edges { kind count } } documents { id file title { en } date } findings { code message cycle } mappingGaps soleSource { id source stated } singleRegion { id regions } articulationPoints { lens ids } }`,
  `query { node(id: "$ID") { ...N outgoing { toNode { ...N } } } } fragment N on Node { id evidence { doc line quote file row note } }`,
];

function applyEdit(g: GeneratorValue, text: string, pools: Pools): string {
  const at = nat(g, text.length);
  switch (nat(g, 5)) {
    case 0: {
      const len = 1 + nat(g, 12);
      return text.slice(0, at) + text.slice(at + len);
    }
    case 1:
      return text.slice(0, at) + pick(g, TOKENS) + text.slice(at);
    case 2: {
      const len = 1 + nat(g, 40);
      const piece = text.slice(at, at + len);
      return text.slice(0, at) + piece.repeat(1 + nat(g, 5)) + text.slice(at);
    }
    case 3:
      return text.slice(0, at) + g(fc.string, { unit: "binary", minLength: 1, maxLength: 3 }) + text.slice(at + 1);
    case 4:
      return text.slice(0, at) + JSON.stringify(randomString(g, pools)) + text.slice(at);
    default: {
      const other = nat(g, text.length);
      const [a, b] = at < other ? [at, other] : [other, at];
      return text.slice(0, a) + text.slice(b) + text.slice(a, b);
    }
  }
}

/** Valid documents damaged by 1–3 random edits; one in five also has its HTTP body bytes damaged. */
export function mutatedDocument(pools: Pools): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((g) => {
    const role = pick(g, ROLES);
    const products = pools.ids.length > 0 ? pools.ids : ["x"];
    let query = pick(g, SEED_DOCUMENTS)
      .replaceAll("$PRODUCT", () => pick(g, products))
      .replaceAll("$ID", () => pick(g, products));
    const edits = 1 + nat(g, 2);
    for (let i = 0; i < edits; i++) query = applyEdit(g, query, pools);
    const variables = query.includes("$id") ? { id: chance(g, 0.8) ? pick(g, products) : wrongJson(g, pools) } : {};
    let body = JSON.stringify({ query, variables, ...(chance(g, 0.1) && { operationName: pick(g, ["Risk", "Del", "Nope", ""]) }) });
    if (chance(g, 0.2)) body = applyEdit(g, body, pools);
    return { role, body, summary: body.length > 4000 ? `${body.slice(0, 4000)}…` : body };
  });
}
