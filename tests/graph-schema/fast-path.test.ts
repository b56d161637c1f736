import { validateInterchange } from "@chokepoint/graph-schema";
import { plainEdgeWithUncheckedEnds, plainNode } from "../../graph-schema/src/plain-items";
import { validateInterchangeWithFullReaders, type ValidationResult } from "../../graph-schema/src/validate";
import { columnsAsArrays, randomDocument } from "./random-documents";

/*
 * The fast path (plain-items.ts) must change nothing but speed: for any input, validateInterchange
 * returns what it returns with every item read by the full readers. These tests compare the two on
 * many seeded random documents, valid and not, built from the variants each field can take.
 */

function expectSameResults(fast: ValidationResult, full: ValidationResult, seed: number | string): void {
  const context = `document ${seed}`;
  expect({ context, problems: fast.problems }).toEqual({ context, problems: full.problems });
  expect({ context, graph: JSON.stringify(fast.graph) }).toEqual({ context, graph: JSON.stringify(full.graph) });
  expect(fast.graph).toEqual(full.graph);
  expect(columnsAsArrays(fast.columns)).toEqual(columnsAsArrays(full.columns));
}

describe("validation fast path", () => {
  it("returns exactly what the full readers return, on random documents valid and not", () => {
    let valid = 0;
    let invalid = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const doc = randomDocument(seed);
      // As given (holes, undefined, NaN) and as it arrives from a file (JSON.parse interns short strings).
      const asJson = JSON.parse(JSON.stringify(doc)) as unknown;
      for (const input of [doc, asJson]) {
        const fast = validateInterchange(input);
        expectSameResults(fast, validateInterchangeWithFullReaders(input), seed);
        if (fast.graph) valid++;
        else invalid++;
      }
    }
    // Both outcomes must be common, or the comparison proves little.
    expect(valid).toBeGreaterThan(500);
    expect(invalid).toBeGreaterThan(500);
  });

  it("is taken for plain items, and not for items the full reader changes or rejects", () => {
    const plainNodes: unknown[] = [
      { id: "valve", kind: "Component", name: { en: "Valve" } },
      { id: "ventilator", kind: "Product", name: { zh: "呼吸机", en: "Ventilator" }, category: "treatment", aliases: ["vent"], attrs: { inventoryDays: 3 } },
      { id: "x", kind: "Material", name: { en: "X" }, flags: [{ flag: "IMPORT_DEPENDENT", evidence: [{ note: "n" }] }], confidence: "inferred", evidence: [{ file: "f.csv", row: 2 }] },
    ];
    for (const n of plainNodes) expect(plainNode(n)).toEqual(validateInterchange({ format: "chokepoint/graph", version: 1, nodes: [n], edges: [] }).graph!.nodes[0]);
    expect(plainEdgeWithUncheckedEnds({ from: "a", to: "b", kind: "REQUIRES", group: "alt-1" })).toEqual({ from: "a", to: "b", kind: "REQUIRES", group: "alt-1", confidence: "stated", evidence: [] });
    expect(plainEdgeWithUncheckedEnds({ from: "a", to: "s", kind: "SOURCED_FROM", share: 0.5, qualified: true })).toBeDefined();
    const notPlain: unknown[] = [
      { id: "Valve", kind: "Component", name: { en: "Valve" } },
      { id: "valve", kind: "Component", name: { en: "  " } },
      { id: "valve", kind: "Component", name: { en: "Valve" }, colour: "red" },
      { id: "valve", kind: "Component", name: { en: "Valve" }, category: null },
      { id: "valve", kind: "Component", name: { en: "Valve" }, aliases: ["a", ""] },
      { id: "valve", kind: "Component", name: { en: "Valve" }, attrs: { x: -1 } },
    ];
    for (const n of notPlain) expect(plainNode(n)).toBeUndefined();
    expect(plainEdgeWithUncheckedEnds({ from: "a", to: "a", kind: "REQUIRES" })).toBeUndefined();
    expect(plainEdgeWithUncheckedEnds({ from: "a", to: "b", kind: "WITHIN", group: "g" })).toBeUndefined();
    expect(plainEdgeWithUncheckedEnds({ from: "a", to: "b", kind: "REQUIRES", share: 0.5 })).toBeUndefined();
  });

  it("agrees on inherited and non-enumerable fields, which for…in and property reads see differently", () => {
    const proto = { extra: 1 };
    const inherited = Object.assign(Object.create(proto) as Record<string, unknown>, { id: "b", kind: "Component", name: { en: "B" } });
    const hiddenField = { id: "c", kind: "Component", name: { en: "C" } };
    Object.defineProperty(hiddenField, "confidence", { value: "inferred", enumerable: false });
    const hiddenUnknown = { id: "d", kind: "Component", name: { en: "D" } };
    Object.defineProperty(hiddenUnknown, "colour", { value: "red", enumerable: false });
    const hiddenEdgeKind = { from: "a", to: "b" };
    Object.defineProperty(hiddenEdgeKind, "kind", { value: "REQUIRES", enumerable: false });
    const nodes = [{ id: "a", kind: "Product", name: { en: "A" } }, inherited, hiddenField, hiddenUnknown];
    for (const edges of [[hiddenEdgeKind], [Object.assign(Object.create({ group: "alt" }) as object, { from: "a", to: "c", kind: "REQUIRES" })]]) {
      const input = { format: "chokepoint/graph", version: 1, nodes, edges };
      expectSameResults(validateInterchange(input), validateInterchangeWithFullReaders(input), "with prototypes");
    }
  });
});
