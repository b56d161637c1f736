import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { longLivedFloat64, longLivedInt32, longLivedSlice, longLivedUint8, uncountedBytes } from "@chokepoint/graph-schema";

// A full collection on demand, so the test can see collected buffers handed back to the budget.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe("long-lived typed arrays", () => {
  it("are zero-filled, of the asked length, and shared only when large", () => {
    const small = longLivedInt32(100);
    const large = longLivedInt32(1 << 20);
    expect(small.length).toBe(100);
    expect(small.buffer).toBeInstanceOf(ArrayBuffer);
    expect(large.length).toBe(1 << 20);
    expect(large.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(large.every((x) => x === 0)).toBe(true);
    expect(longLivedUint8(1 << 17).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(longLivedFloat64(1 << 14).byteLength).toBe(8 << 14);
  });

  it("copy a range with longLivedSlice", () => {
    const a = Int32Array.from({ length: 1 << 15 }, (_, i) => i * 3);
    const copy = longLivedSlice(a, 5, 1 << 15);
    expect(copy.length).toBe((1 << 15) - 5);
    expect(copy[0]).toBe(15);
    copy[0] = -1;
    expect(a[5]).toBe(15);
  });

  it("hand the bytes of collected arrays back, so uncounted memory stays bounded", async () => {
    const before = uncountedBytes();
    let arrays: Int32Array[] | undefined = Array.from({ length: 4 }, () => longLivedInt32(1 << 20));
    expect(uncountedBytes() - before).toBe(4 * 4 * (1 << 20));
    expect(arrays.length).toBe(4);
    arrays = undefined;
    // FinalizationRegistry callbacks run in a later task, which a busy process may postpone.
    for (let tries = 0; tries < 50 && uncountedBytes() > before; tries++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(uncountedBytes()).toBeLessThanOrEqual(before);
  });
});
