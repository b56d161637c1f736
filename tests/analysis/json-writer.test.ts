/**
 * The report's byte writer (json-writer.ts) and its id pool (json-ids.ts): every value must come
 * out as the UTF-8 bytes of JSON.stringify's text, whatever the string and wherever the chunk
 * boundaries fall.
 */
import fc from "fast-check";
import { JsonIds } from "../../server/src/analysis/json-ids";
import { jsonFragment, JsonWriter } from "../../server/src/analysis/json-writer";

/** A writer with `chunkBytes`, and the bytes and chunk sizes it has handed out so far. */
function capture(chunkBytes: number): { out: JsonWriter; bytes: () => Buffer; chunks: number[] } {
  const parts: Buffer[] = [];
  const chunks: number[] = [];
  const out = new JsonWriter((chunk) => {
    parts.push(Buffer.from(chunk)); // copied: the writer reuses its buffer
    chunks.push(chunk.length);
  }, chunkBytes);
  return { out, bytes: () => Buffer.concat(parts), chunks };
}

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

/** Strings JSON.stringify escapes or that are not one byte per character in UTF-8. */
const ODD = [
  "",
  "plain-kebab-id",
  'q"uote',
  "back\\slash",
  "tab\tnew\nline\rform\fback\b",
  "\u0000\u0001\u001f\u007f",
  "\u2028\u2029",
  "naïve-café",
  "中文名称",
  "emoji-\u{1F600}-\u{1F9EA}",
  "lone-high-\ud800",
  "lone-low-\udc00-end",
  "\udc00\ud800", // reversed pair: two lone surrogates
  "x".repeat(127),
  "y".repeat(128),
  "z".repeat(129) + '"',
  "é".repeat(300),
  "\u{1F600}".repeat(200),
];

/** Any UTF-16 code units, lone surrogates included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));
const anyString = fc.oneof(anyUnits, fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...ODD));

describe("JsonWriter", () => {
  it("writes strings exactly as JSON.stringify does, in UTF-8", () => {
    for (const chunkBytes of [32, 33, 37, 64, 1 << 20]) {
      const { out, bytes } = capture(chunkBytes);
      for (const s of ODD) {
        out.string(s);
        out.byte(0x2c);
      }
      out.flush();
      expect(bytes().equals(utf8(ODD.map((s) => JSON.stringify(s)).join(",") + ","))).toBe(true);
    }
  });

  it("keeps every value exact across chunk boundaries (random strings, numbers and chunk sizes)", () => {
    const value = fc.oneof(
      anyString.map((s) => ({ s })),
      fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, 2 ** 53, 1e21, 123.5, NaN, Infinity)).map((n) => ({ n })),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.integer({ min: 32, max: 96 }), (values, chunkBytes) => {
        const { out, bytes, chunks } = capture(chunkBytes);
        for (const v of values) {
          if ("s" in v) out.string(v.s);
          else out.number(v.n);
          out.byte(0x2c);
        }
        out.flush();
        const expected = values.map((v) => JSON.stringify("s" in v ? v.s : v.n)).join(",") + (values.length > 0 ? "," : "");
        expect(bytes().toString("hex")).toBe(utf8(expected).toString("hex"));
        for (const size of chunks) expect(size).toBeLessThanOrEqual(chunkBytes);
      }),
      { numRuns: 300 },
    );
  });

  it("writes JSON text longer than a chunk, splitting it only between whole characters", () => {
    const long = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i, name: `é-${"\u{1F600}".repeat(i % 5)}-中` })));
    for (const chunkBytes of [32, 33, 34, 35, 1000]) {
      const decoder = new TextDecoder("utf-8", { fatal: true });
      const { out, bytes } = capture(chunkBytes);
      let text = "";
      const checked = new JsonWriter((chunk) => {
        // A fatal decoder without `stream` fails on a chunk that ends inside a character.
        text += decoder.decode(chunk);
      }, chunkBytes);
      out.text(long);
      out.flush();
      checked.text(long);
      checked.flush();
      expect(bytes().equals(utf8(long))).toBe(true);
      expect(text).toBe(long);
    }
  });

  it("copies fragments and repeats earlier output only while it is still buffered", () => {
    const { out, bytes } = capture(32);
    const fragment = jsonFragment('{"id":');
    out.fragment(fragment); // 6 bytes
    const from = out.written;
    out.string("abc"); // 5 bytes: positions 6..11
    const to = out.written;
    expect(out.repeat(from, to)).toBe(true);
    out.string("0123456789012345"); // 18 bytes: fills the chunk, so it flushes first
    expect(out.repeat(from, to)).toBe(false); // gone to the sink
    out.fragment(fragment);
    out.flush();
    expect(bytes().toString()).toBe('{"id":"abc""abc""0123456789012345"{"id":');
  });

  it("hands over copies longer than a chunk whole, after what is buffered", () => {
    const { out, bytes } = capture(32);
    const big = jsonFragment(JSON.stringify("w".repeat(100)));
    out.byte(0x5b);
    out.fragment(big);
    out.byte(0x5d);
    out.flush();
    expect(bytes().toString()).toBe(`[${JSON.stringify("w".repeat(100))}]`);
  });
});

describe("JsonIds", () => {
  const written = (ids: readonly string[], chunkBytes: number, order: readonly number[]): string => {
    const { out, bytes } = capture(chunkBytes);
    const pool = new JsonIds(ids, out);
    out.byte(0x5b);
    order.forEach((v, i) => (i === 0 ? pool.write(v) : pool.writeNext(v)));
    out.byte(0x5d);
    out.flush();
    return bytes().toString("hex");
  };

  it("writes plain ids (the bulk-encoded pool) exactly", () => {
    const ids = Array.from({ length: 300 }, (_, i) => `component-${i.toString(36)}${"x".repeat(i % 7)}`);
    const order = [5, 0, 299, 5, 17, 128, 1];
    for (const chunkBytes of [32, 37, 1 << 16]) expect(written(ids, chunkBytes, order)).toBe(utf8(JSON.stringify(order.map((v) => ids[v]))).toString("hex"));
  });

  it("writes ids that need escaping or are not ASCII (the per-id pool) exactly", () => {
    fc.assert(
      fc.property(fc.array(anyString, { minLength: 1, maxLength: 20 }), fc.integer({ min: 32, max: 80 }), (ids, chunkBytes) => {
        const order = [...ids.keys(), ...ids.keys()].reverse();
        expect(written(ids, chunkBytes, order)).toBe(utf8(JSON.stringify(order.map((v) => ids[v]))).toString("hex"));
      }),
      { numRuns: 200 },
    );
    // One odd id among plain ones still gives exact bytes for all of them.
    const mixed = ["a", "b-c", 'd"e', "f"];
    expect(written(mixed, 32, [3, 2, 1, 0])).toBe(utf8(JSON.stringify(["f", 'd"e', "b-c", "a"])).toString("hex"));
  });
});
