import { edgesSpan, joinGraph, readGraphColumns, readGraphHead, scanAndResolveEdges, validateInterchange, type GraphFileColumns } from "@chokepoint/graph-schema";
import { utf8 } from "../../graph-schema/src/json-bytes";
import { mulberry32 } from "../../scripts/synthetic/generate";
import { columnsAsArrays, randomDocument } from "./random-documents";

/*
 * readGraphColumns reads a graph file's edges from its bytes instead of through JSON.parse. It must
 * change nothing but speed: whenever it gives a graph, validateInterchange(JSON.parse(text)) gives
 * the same nodes, documents and columns; and whenever the general path would reject the text (bad
 * JSON or any validation problem), it gives nothing, so that the caller reports the problems.
 */

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What the general path makes of the text: the validated graph and columns, or undefined. */
function general(text: string): GraphFileColumns | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = validateInterchange(doc);
  return r.graph && r.columns && { documents: r.graph.documents, nodes: r.graph.nodes, columns: { ...r.columns, checked: true } };
}

function comparable(g: GraphFileColumns | undefined): unknown {
  if (g === undefined) return undefined;
  const c = g.columns;
  return {
    documents: g.documents,
    nodes: JSON.stringify(g.nodes),
    edges: columnsAsArrays(c),
    nodeKind: Array.from(c.nodeKind),
    flags: Array.from(c.flags),
    attrs: Object.fromEntries(Object.entries(c.attrs).map(([k, m]) => [k, [...m]])),
  };
}

/** Checks readGraphColumns against the general path on `text`; returns whether it took the text. */
function expectAgreement(text: string, context: string): boolean {
  const fast = readGraphColumns(bytesOf(text));
  const expected = general(text);
  if (fast !== undefined) {
    expect({ context, valid: expected !== undefined }).toEqual({ context, valid: true });
    expect({ context, graph: comparable(fast) }).toEqual({ context, graph: comparable(expected) });
    expect(fast.nodes).toEqual(expected!.nodes);
  }
  return fast !== undefined;
}

/** The text of `doc` with its root members in the given order. */
function withMembers(doc: Record<string, unknown>, order: readonly string[], space?: number): string {
  const reordered: Record<string, unknown> = {};
  for (const k of order) if (k in doc) reordered[k] = doc[k];
  for (const k of Object.keys(doc)) if (!(k in reordered)) reordered[k] = doc[k];
  return JSON.stringify(reordered, null, space);
}

describe("reading a graph file's edges from its bytes", () => {
  it("gives exactly what JSON.parse and validation give, or nothing, on random documents written several ways", () => {
    let taken = 0;
    let validTexts = 0;
    let canonicalValid = 0;
    let canonicalTaken = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const doc = randomDocument(seed) as Record<string, unknown>;
      const texts = [
        JSON.stringify(doc),
        JSON.stringify(doc, null, 2),
        withMembers(doc, ["format", "version", "documents", "nodes", "edges"], seed % 3),
        withMembers(doc, ["edges", "nodes"]), // edges first: not for the fast path
        JSON.stringify(doc).replace(/"kind":"R/, '"k\\u0069nd":"R'), // an escaped key
        JSON.stringify(doc).replace(/"to":"([a-z])/, '"to":"\\u00$1'.replace("00$1", "006$1")), // an escape in an id
      ];
      for (const [k, text] of texts.entries()) {
        if (expectAgreement(text, `document ${seed}, text ${k}`)) taken++;
        if (general(text) !== undefined) validTexts++;
      }
      // Valid documents with members in the order Chokepoint writes them: taken unless an item is
      // not in plain form (a null for an absent field, say).
      if (general(texts[2]!) !== undefined) {
        canonicalValid++;
        if (readGraphColumns(bytesOf(texts[2]!)) !== undefined) canonicalTaken++;
      }
    }
    expect(canonicalTaken).toBeGreaterThan(0.9 * canonicalValid);
    expect(taken).toBeGreaterThan(1000);
    expect(validTexts - taken).toBeGreaterThan(500); // valid texts left to the general path (edges first, escapes)
  });

  it("takes no text that JSON.parse or validation rejects, under random damage to valid files", () => {
    const rng = mulberry32(7);
    const damage = ['"', "\\", "{", "}", "[", "]", ",", ":", " ", "\u0000", "x", "-", "0", "é"];
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = JSON.stringify(randomDocument(seed));
      if (general(text) === undefined) continue;
      for (let k = 0; k < 10; k++) {
        const at = Math.floor(rng() * text.length);
        const cut = Math.floor(rng() * 3);
        const insert = rng() < 0.7 ? damage[Math.floor(rng() * damage.length)]! : "";
        expectAgreement(text.slice(0, at) + insert + text.slice(at + cut), `document ${seed}, damage ${k}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("refuses what the general path refuses: each kind of edge problem, a byte order mark, a second edges key", () => {
    const nodes = [
      { id: "vent", kind: "Product", name: { en: "Ventilator" } },
      { id: "valve", kind: "Component", name: { en: "Valve" } },
      { id: "acme", kind: "Supplier", name: { en: "Acme" } },
      { id: "de", kind: "Region", name: { en: "Germany" } },
    ];
    const file = (edges: unknown[], extra = ""): string => `{"format":"chokepoint/graph","version":1,"nodes":${JSON.stringify(nodes)}${extra},"edges":${JSON.stringify(edges)}}`;
    const good = [
      { from: "vent", to: "valve", kind: "REQUIRES", group: "alt-1" },
      { from: "valve", to: "acme", kind: "SOURCED_FROM", share: 0.5, leadTimeDays: 30, qualified: true, confidence: "inferred", evidence: [{ note: "n" }] },
      { from: "acme", to: "de", kind: "LOCATED_IN" },
    ];
    expect(readGraphColumns(bytesOf(file(good)))).toBeDefined();
    const bad: unknown[][] = [
      [...good, { from: "vent", to: "ghost", kind: "REQUIRES" }], // endpoint missing
      [...good, { from: "vent", to: "Valve", kind: "REQUIRES" }], // not canonical (the general path normalises it: then a duplicate)
      [...good, { from: "vent", to: "vent", kind: "REQUIRES" }], // self-loop
      [...good, { from: "vent", to: "de", kind: "REQUIRES" }], // endpoint kinds
      [...good, { from: "vent", to: "valve", kind: "REQUIRES", group: "alt-1" }], // duplicate edge
      [...good, { from: "valve", to: "vent", kind: "REQUIRES" }], // REQUIRES cycle
      [...good, { from: "vent", to: "acme", kind: "SOURCED_FROM", share: 1.5 }],
      [...good, { from: "acme", to: "de", kind: "WITHIN" }],
      [{ from: "de", to: "acme", kind: "LOCATED_IN", group: "g" }],
      [{ from: "vent", to: "valve", kind: "REQUIRES", weight: 2 }],
      [{ from: "vent", to: "valve", kind: "REQUIRES", kind2: "x" }],
    ];
    for (const edges of bad) {
      const text = file(edges);
      expect({ edges, general: general(text) }).toEqual({ edges, general: undefined });
      expect({ edges, fast: readGraphColumns(bytesOf(text)) }).toEqual({ edges, fast: undefined });
    }
    const documents = ',"documents":[{"id":"d1","file":"d1.txt","title":{"en":"D"}}]';
    expect(readGraphColumns(bytesOf(file([{ from: "vent", to: "valve", kind: "REQUIRES", evidence: [{ doc: "d1", line: 1, quote: "q" }] }], documents)))).toBeDefined();
    expect(readGraphColumns(bytesOf(file([{ from: "vent", to: "valve", kind: "REQUIRES", evidence: [{ doc: "d2", line: 1, quote: "q" }] }], documents)))).toBeUndefined();
    // A byte order mark: JSON.parse rejects the text, so must this.
    expect(readGraphColumns(bytesOf(`\uFEFF${file(good)}`))).toBeUndefined();
    // Duplicate keys: JSON.parse keeps the last edges array and the last value of an edge field.
    for (const text of [
      file(good).replace('"edges":', '"edges":[],"edges":'),
      file(good, ',"edges":[]'),
      file(good).replace('"kind":"LOCATED_IN"', '"kind":"WITHIN","kind":"LOCATED_IN"'),
      file(good).replace('"nodes":', '"x\\"edges":[],"nodes":'),
    ]) {
      expectAgreement(text, text.slice(0, 80));
      expect(readGraphColumns(bytesOf(text))).toBeUndefined();
    }
  });

  it("gives the nodes of every form, a repeated node, a second nodes key and a normalised id exactly as validation does", () => {
    const nodes = [
      { id: "p", kind: "Product", name: { en: "p" } },
      { id: "c", kind: "Component", name: { en: "Valve" }, confidence: "inferred" },
      { kind: "Material", id: "m", name: { en: "m" }, confidence: "imported" },
      { id: "s", kind: "Supplier", name: { zh: "供应商", en: "Acme" } },
      { id: "r", kind: "Region", name: { en: "Germany" }, attrs: { recoveryDays: 30 } },
      { id: "x", kind: "Material", name: { en: " padded " } },
      { id: "y", kind: "Material", name: { en: "Y" }, flags: [{ flag: "IMPORT_DEPENDENT" }], aliases: ["why"], category: "treatment", evidence: [{ note: "n" }] },
      { id: "p", kind: "Product", name: { en: "p" } }, // the same node again
    ];
    const text = (list: unknown[], between = "") => `{"format":"chokepoint/graph","version":1,"documents":[],"nodes":${JSON.stringify(list)}${between},"edges":[{"from":"p","to":"c","kind":"REQUIRES"}]}`;
    expect(expectAgreement(text(nodes), "nodes of every form")).toBe(true);
    expect(expectAgreement(text(nodes, ',"nodes":[]'), "a second nodes key")).toBe(false);
    expect(expectAgreement(text([...nodes, { id: "p", kind: "Product", name: { en: "P" } }]), "a repeated id with other content")).toBe(false);
    expect(expectAgreement(text([...nodes, { id: "Q", kind: "Product", name: { en: "q" } }]), "an id the general path normalises")).toBe(true);
  });

  it("resolves endpoints the same way whether by the node ids read from the bytes or by the validated nodes", () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const text = withMembers(randomDocument(seed) as Record<string, unknown>, ["format", "version", "documents", "nodes", "edges"]);
      if (general(text) === undefined) continue;
      compared++;
      const b = bytesOf(text);
      const span = edgesSpan(b)!;
      const head = readGraphHead(b, span)!;
      const scanned = scanAndResolveEdges(b, span)!;
      const byValidatedIds = joinGraph(b, head, { ...scanned, ends: undefined });
      expect({ seed, graph: comparable(joinGraph(b, head, scanned)) }).toEqual({ seed, graph: comparable(byValidatedIds) });
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("resolves ids whose hashes collide to their own nodes, and an id that only shares a node's hash to none", () => {
    // "n-766286" and "n-2041440" have the same 32-bit id hash (found by search).
    const node = (id: string, kind: string) => ({ id, kind, name: { en: id } });
    const text = (nodes: unknown[], edges: unknown[]) => JSON.stringify({ format: "chokepoint/graph", version: 1, documents: [], nodes, edges });
    const both = text([node("n-766286", "Product"), node("n-2041440", "Component"), node("m", "Material")], [
      { from: "n-766286", to: "n-2041440", kind: "REQUIRES" },
      { from: "n-2041440", to: "m", kind: "REQUIRES" },
    ]);
    const one = text([node("n-766286", "Product"), node("m", "Material")], [{ from: "n-766286", to: "m", kind: "REQUIRES" }, { from: "n-2041440", to: "m", kind: "REQUIRES" }]);
    for (const withEnds of [true, false]) {
      for (const t of [both, one]) {
        const b = bytesOf(t);
        const span = edgesSpan(b)!;
        const scanned = scanAndResolveEdges(b, span)!;
        const g = joinGraph(b, readGraphHead(b, span)!, withEnds ? scanned : { ...scanned, ends: undefined });
        expect({ withEnds, t, graph: comparable(g) }).toEqual({ withEnds, t, graph: comparable(general(t)) });
      }
    }
  });

  it("takes endpoints resolved from the bytes only when those node ids are the validated nodes' ids", () => {
    const nodes = ["Product", "Component", "Material", "Material"].map((kind, i) => ({ id: `n${i}`, kind, name: { en: `N${i}` } }));
    const edges = [["n0", "n1"], ["n1", "n2"], ["n1", "n3"], ["n0", "n3"]].map(([from, to]) => ({ from, to, kind: "REQUIRES" }));
    const text = JSON.stringify({ format: "chokepoint/graph", version: 1, documents: [], nodes, edges });
    const b = bytesOf(text);
    const span = edgesSpan(b)!;
    const head = readGraphHead(b, span)!;
    const scanned = scanAndResolveEdges(b, span)!;
    const { nodeIds, from, to } = scanned.ends!;
    expect(from.length).toBeGreaterThan(2);
    // Wrong positions under node ids that are not quite the nodes': a prefix, or one id moved.
    const wrongEnds = { from: to, to: from };
    const prefix = { count: nodeIds.count - 1, start: nodeIds.start.subarray(0, -1), length: nodeIds.length.subarray(0, -1) };
    const moved = { count: nodeIds.count, start: Int32Array.from(nodeIds.start, (s, i) => (i === 0 ? nodeIds.start[1]! : s)), length: Int32Array.from(nodeIds.length, (n, i) => (i === 0 ? nodeIds.length[1]! : n)) };
    for (const ids of [prefix, moved]) {
      const g = joinGraph(b, head, { ...scanned, ends: { nodeIds: { ...ids, length: Uint8Array.from(ids.length) }, ...wrongEnds } });
      expect(comparable(g)).toEqual(comparable(general(text)));
    }
  });

  it("decodes text as Node's Buffer does for JSON.parse, invalid bytes included", () => {
    const rng = mulberry32(3);
    for (let k = 0; k < 2000; k++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rng() * 12) }, () => (rng() < 0.5 ? 0x80 + Math.floor(rng() * 0x80) : Math.floor(rng() * 0x100)));
      expect(utf8.decode(bytes)).toBe(Buffer.from(bytes).toString("utf8"));
    }
  });
});
