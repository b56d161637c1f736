import type { GraphColumns } from "@chokepoint/graph-schema";
import { mulberry32 } from "../../scripts/synthetic/generate";

/*
 * Seeded random interchange documents, valid and not, built from the variants each field can take:
 * the inputs on which the fast paths of validation (plain-items.ts, read-graph-bytes.ts) are
 * compared with the general path.
 */

/** A small seeded generator, so that a failure names a reproducible case. */
const random = mulberry32;

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
/** How often the rare variants come up in the document being made: 0 (never) to 1 (as written). */
let flaw = 1;
/** `common`, or with probability (1 - p) × flaw one of the rare variants. */
const mostly = (rng: Rng, p: number, common: () => unknown, rare: readonly (() => unknown)[]): unknown => (rng() >= (1 - p) * flaw ? common() : pick(rng, rare)());

const ABSENT = Symbol("absent");
type Value = unknown;
/** An object with the fields whose value is not ABSENT, in order. */
function record(fields: [string, Value][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of fields) if (v !== ABSENT) o[k] = v;
  return o;
}

function text(rng: Rng, plain: string): Value {
  return mostly(rng, 0.85, () => plain, [
    () => ` ${plain}`,
    () => `${plain}\u200B`,
    () => "",
    () => "   ",
    () => "e\u0301",
    () => "\u00e9",
    () => "名称",
    () => "\u3000名称",
    () => null,
    () => 5,
    () => "x".repeat(301),
    () => "y".repeat(4001),
  ]);
}

function idVariant(rng: Rng, id: string): Value {
  return mostly(rng, 0.85, () => id, [
    () => id.toUpperCase(),
    () => ` ${id} `,
    () => `${id}\u200B`,
    () => `\uFEFF${id}`,
    () => `${id}--x`,
    () => `-${id}`,
    () => `${id} x`,
    () => "a".repeat(129),
    () => "",
    () => 7,
    () => null,
    () => ABSENT,
  ]);
}

function confidence(rng: Rng): Value {
  return mostly(rng, 0.7, () => ABSENT, [() => "stated", () => "inferred", () => "imported", () => "certain", () => null, () => 1]);
}

function evidenceEntry(rng: Rng, docs: readonly string[]): Value {
  return mostly(rng, 0.8, () => pick(rng, [{ note: "synthetic" }, { doc: docs[0] ?? "000", line: 3, quote: "q" }, { file: "f.csv", row: 2 }, { file: "f.csv" }]), [
    () => ({ doc: "404", line: 1, quote: "q" }),
    () => ({ doc: "000" }),
    () => ({ line: 0, note: "n" }),
    () => ({ row: 1.5, file: "f" }),
    () => ({ note: "" }),
    () => ({ note: text(rng, "n") }),
    () => ({ quote: "z".repeat(4001), doc: "000", line: 1 }),
    () => ({ note: "n", extra: 1 }),
    () => ({ note: "n", line: "1" }),
    () => ({ note: "n", doc: null }),
    () => ({}),
    () => null,
    () => "note",
    () => [],
  ]);
}

function evidence(rng: Rng, docs: readonly string[]): Value {
  return mostly(rng, 0.75, () => ABSENT, [
    () => [evidenceEntry(rng, docs)],
    () => [evidenceEntry(rng, docs), evidenceEntry(rng, docs)],
    () => [],
    // eslint-disable-next-line no-sparse-arrays -- a hole is one of the variants
    () => [, evidenceEntry(rng, docs)],
    () => [undefined],
    () => null,
    () => ({ note: "n" }),
  ]);
}

function name(rng: Rng, id: string): Value {
  return mostly(rng, 0.8, () => pick(rng, [{ en: id }, { zh: "名称" }, { zh: "名称", en: id }, { en: id, zh: "名" }]), [
    () => ({ en: text(rng, id) }),
    () => ({ zh: text(rng, "名称"), en: text(rng, id) }),
    () => ({}),
    () => ({ en: "" }),
    () => ({ en: null, zh: "名" }),
    () => ({ en: id, fr: "nom" }),
    () => id,
    () => null,
    () => ABSENT,
    () => [id],
  ]);
}

function aliases(rng: Rng): Value {
  return mostly(rng, 0.8, () => ABSENT, [
    () => [],
    () => ["ECMO"],
    () => ["ECMO", "ECMO"],
    () => ["ECMO", " ECMO"],
    () => ["体外膜肺氧合机", "e\u0301"],
    () => [""],
    () => [null],
    // eslint-disable-next-line no-sparse-arrays -- a hole is one of the variants
    () => [, "x"],
    () => "ECMO",
    () => null,
  ]);
}

function flags(rng: Rng, docs: readonly string[]): Value {
  const flag = (): Value =>
    mostly(rng, 0.75, () => record([["flag", pick(rng, ["POLICY_BOTTLENECK", "IMPORT_DEPENDENT", "DOMESTIC_BREAKTHROUGH"])], ["confidence", confidence(rng)], ["evidence", evidence(rng, docs)]]), [
      () => ({ flag: "NOT_A_FLAG" }),
      () => ({ flag: "IMPORT_DEPENDENT", note: 1 }),
      () => ({ confidence: "stated" }),
      () => null,
    ]);
  return mostly(rng, 0.8, () => ABSENT, [() => [], () => [flag()], () => [flag(), flag()], () => [{ flag: "IMPORT_DEPENDENT" }, { flag: "IMPORT_DEPENDENT" }], () => "IMPORT_DEPENDENT", () => null]);
}

function attrs(rng: Rng): Value {
  return mostly(rng, 0.8, () => ABSENT, [
    () => ({}),
    () => ({ inventoryDays: 30 }),
    () => ({ recoveryDays: 0, annualValue: 1.5e9 }),
    () => ({ "bad-name": 1 }),
    () => ({ _x: 1 }),
    () => ({ x: -1 }),
    () => ({ x: Number.NaN }),
    () => ({ x: Number.POSITIVE_INFINITY }),
    () => ({ x: "3" }),
    () => ({ x: null }),
    () => ({ ["a".repeat(65)]: 1 }),
    () => [1],
    () => null,
  ]);
}

const NODE_KINDS = ["Product", "Component", "Material", "Supplier", "Region"];

function node(rng: Rng, id: string, plannedKind: string, docs: readonly string[]): Value {
  const kind = mostly(rng, 0.97, () => plannedKind, [() => "Gadget", () => "product", () => null, () => ABSENT, () => 3]);
  const category = mostly(rng, 0.85, () => ABSENT, [() => "treatment", () => "pharmaceuticals", () => "space", () => null, () => ""]);
  const fields: [string, Value][] = [
    ["id", idVariant(rng, id)],
    ["kind", kind],
    ["name", name(rng, id)],
    ["aliases", aliases(rng)],
    ["category", category],
    ["flags", flags(rng, docs)],
    ["attrs", attrs(rng)],
    ["confidence", confidence(rng)],
    ["evidence", evidence(rng, docs)],
  ];
  if (rng() < 0.3) fields.reverse(); // field order in the input must not matter
  if (rng() < 0.05 * flaw) fields.push(["colour", "red"]);
  return mostly(rng, 0.97, () => record(fields), [() => null, () => [id], () => id]);
}

/** Edge kinds that may go from a node of one kind to another (DESIGN §2). */
function allowedKinds(from: string, to: string): string[] {
  const item = (k: string) => k === "Product" || k === "Component" || k === "Material";
  const kinds: string[] = [];
  if (item(from) && item(to)) kinds.push("REQUIRES");
  if (item(from) && (to === "Supplier" || to === "Region")) kinds.push("SOURCED_FROM");
  if (from === "Supplier" && to === "Region") kinds.push("LOCATED_IN");
  if (from === "Region" && to === "Region") kinds.push("WITHIN");
  return kinds;
}

interface Planned {
  readonly id: string;
  readonly kind: string;
}

function edge(rng: Rng, nodes: readonly Planned[], docs: readonly string[]): Value {
  // Mostly a later node to an earlier one, so that REQUIRES edges make no cycle unless flawed.
  const a = Math.floor(rng() * nodes.length);
  const b = Math.floor(rng() * nodes.length);
  type Ends = [Planned | undefined, Planned | undefined];
  const [source, target] = mostly(rng, 0.97, () => [nodes[Math.max(a, b)], nodes[Math.min(a, b)]], [() => [nodes[a], nodes[b]], () => [nodes[a], undefined]]) as Ends;
  const end = (n: Planned | undefined): Value => (n ? idVariant(rng, n.id) : pick(rng, ["ghost", "Ghost", " ghost"]));
  const allowed = source && target ? allowedKinds(source.kind, target.kind) : [];
  if ((allowed.length === 0 || source === target) && rng() >= flaw) return ABSENT; // would be flawed
  const kind = mostly(rng, 0.95, () => pick(rng, allowed.length > 0 ? allowed : ["REQUIRES", "SOURCED_FROM", "LOCATED_IN", "WITHIN"]), [() => "SUPPLIES", () => "requires", () => null, () => ABSENT]);
  const optional = (p: number, common: readonly Value[], rare: readonly Value[]): Value => (rng() < p ? mostly(rng, 0.9, () => pick(rng, common), [() => pick(rng, rare)]) : ABSENT);
  const from = end(source);
  const fields: [string, Value][] = [
    ["from", from],
    ["to", mostly(rng, 0.98, () => end(target), [() => from])],
    ["kind", kind],
    ["group", kind === "REQUIRES" ? optional(0.3, ["alt-1", "alt-2"], [" alt-1", "", null, 4, "g".repeat(301)]) : optional(0.02, ["alt-1"], [null])],
    ["share", kind === "SOURCED_FROM" ? optional(0.4, [0, 0.5, 1], [1.5, -0.1, Number.NaN, "0.5", null]) : optional(0.01, [0.5], [null])],
    ["leadTimeDays", kind === "SOURCED_FROM" ? optional(0.2, [0, 30], [-1, Number.POSITIVE_INFINITY, null]) : ABSENT],
    ["qualified", kind === "SOURCED_FROM" ? optional(0.2, [true, false], ["yes", null]) : ABSENT],
    ["confidence", confidence(rng)],
    ["evidence", evidence(rng, docs)],
  ];
  if (rng() < 0.3) fields.reverse();
  if (rng() < 0.04 * flaw) fields.push(["weight", 2]);
  return mostly(rng, 0.99, () => record(fields), [() => null, () => [from], () => "a->b"]);
}

/** A random interchange document: well formed, or with each kind of flaw now and then. */
export function randomDocument(seed: number): unknown {
  const rng = random(seed);
  flaw = pick(rng, [0, 0, 0.01, 0.05, 0.3, 1]);
  const nodeCount = Math.floor(rng() * 25);
  const planned: Planned[] = Array.from({ length: nodeCount }, (_, i) => {
    const kind = pick(rng, NODE_KINDS);
    return { id: `${kind.toLowerCase()}-${i}`, kind };
  });
  const docs = rng() < 0.3 ? ["000"] : [];
  const nodes: unknown[] = planned.map((p) => node(rng, p.id, p.kind, docs));
  // Repeats: the same content again, or the same id with other content.
  if (nodes.length > 0 && rng() < 0.2) nodes.push(structuredClone(pick(rng, nodes)));
  if (planned.length > 0 && rng() < 0.1 * flaw) nodes.push({ id: pick(rng, planned).id, kind: "Material", name: { en: "other" } });
  const edgeCount = planned.length === 0 ? 0 : Math.floor(rng() * 40);
  const edges: unknown[] = [];
  const made = new Set<string>();
  for (let i = 0; i < edgeCount; i++) {
    const e = edge(rng, planned, docs);
    const key = JSON.stringify([(e as { from?: unknown } | null)?.from, (e as { to?: unknown } | null)?.to, (e as { kind?: unknown } | null)?.kind]);
    if (e !== ABSENT && (!made.has(key) || rng() < flaw)) edges.push(e);
    made.add(key);
  }
  if (edges.length > 0 && rng() < 0.2 * flaw) edges.push(structuredClone(pick(rng, edges))); // a duplicate edge
  if (edges.length > 0 && rng() < 0.1) delete edges[Math.floor(rng() * edges.length)]; // a hole
  if (nodes.length > 0 && rng() < 0.05) delete nodes[Math.floor(rng() * nodes.length)];
  const root: Record<string, unknown> = { format: "chokepoint/graph", version: 1, nodes, edges };
  if (docs.length > 0) root.documents = [{ id: "000", file: "000.txt", title: { en: "Doc" } }];
  if (rng() < 0.03 * flaw) root.format = "other";
  if (rng() < 0.03 * flaw) root.extra = true;
  return root;
}

/** The edge columns as plain arrays, for toEqual. */
export function columnsAsArrays(c: GraphColumns | undefined): unknown {
  if (!c) return undefined;
  return {
    from: Array.from(c.from),
    to: Array.from(c.to),
    ids: [...c.ids.ids],
    kind: Array.from(c.kind),
    stated: Array.from(c.stated),
    group: Array.from(c.group),
    groupNames: [...c.groupNames],
    shares: [...c.shares],
  };
}

