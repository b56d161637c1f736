import { isValidId, normalizeId, slugifyId, edgeKey } from "@chokepoint/graph-schema";

describe("id rules", () => {
  it("normalises NFC, strips invisible characters and spaces, lowercases", () => {
    expect(normalizeId("  Ventilator\u200B ")).toBe("ventilator");
    expect(normalizeId("\uFEFFCT-Tube")).toBe("ct-tube");
    expect(normalizeId("cafe\u0301")).toBe("caf\u00e9");
  });

  it("accepts only lowercase kebab ids", () => {
    for (const ok of ["ct", "ct-tube", "a1-b2-c3"]) expect(isValidId(ok)).toBe(true);
    for (const bad of ["", "CT", "ct tube", "ct--tube", "-ct", "ct-", "比例阀", "a_b", "x".repeat(129)]) expect(isValidId(bad)).toBe(false);
  });

  it("derives ids from English names", () => {
    expect(slugifyId("Proportional valve (ventilator)")).toBe("proportional-valve-ventilator");
    expect(slugifyId("Europe & North America")).toBe("europe-north-america");
    expect(slugifyId("Café")).toBe("cafe");
    expect(isValidId(slugifyId("  ECMO hollow-fibre membrane  "))).toBe(true);
  });

  it("keys edges by endpoints and kind", () => {
    expect(edgeKey({ from: "a", kind: "REQUIRES", to: "b" })).toBe("a|REQUIRES|b");
  });
});
