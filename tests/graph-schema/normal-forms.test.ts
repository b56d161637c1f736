import { isValidId, normalizeId, normalizeText } from "@chokepoint/graph-schema";

/** Text and ids that are already in normal form take a shortcut; these pin that the shortcut and
 *  the full normalisation agree at their boundaries. */
describe("normal forms", () => {
  it("trims and normalises text, ASCII or not", () => {
    const cases: [string, string][] = [
      ["  Name ", "Name"],
      ["Name", "Name"],
      ["x\t", "x"],
      ["\u00A0x", "x"],
      ["a\u0001b", "a\u0001b"],
      ["e\u0301", "\u00e9"],
      ["\u00ADx", "x"],
      ["x\u200By", "xy"],
      ["\u3000名称\u3000", "名称"],
      ["   ", ""],
      ["", ""],
    ];
    for (const [raw, normal] of cases) expect(normalizeText(raw)).toBe(normal);
  });

  it("checks ids by their characters and length", () => {
    for (const ok of ["a".repeat(128), "a-1", "1", "a-b-c"]) {
      expect(isValidId(ok)).toBe(true);
      expect(normalizeId(ok)).toBe(ok);
    }
    for (const bad of ["a".repeat(129), "-", "a--", "ab-", "é", "a b", "Ab"]) expect(isValidId(bad)).toBe(false);
    expect(normalizeId("Ab")).toBe("ab");
    expect(normalizeId("a\u200B")).toBe("a");
    expect(normalizeId(`${"a".repeat(128)}\u200B`)).toBe("a".repeat(128));
  });
});
