import { DEFAULT_IMPORT_LIMITS } from "../../server/src/import/limits";

/** Bad files too large to commit, built at test time; named by `generate` in the corpus manifest. */
const NODES_HEADER = "id,kind,name_zh,name_en,aliases,category,flags,inventory_days,recovery_days,annual_value,note\n";
const PROBE_ROW = "probe-node,Component,探针,Probe node,,,,,,,\n";

export const GENERATORS: Readonly<Record<string, () => Buffer>> = {
  "ten-megabyte-field": () => Buffer.from(`${NODES_HEADER}${PROBE_ROW}big-part,Component,,Big part,,,,,,,"${"x".repeat(10 * 1024 * 1024)}"\n`),
  "over-size-cap": () => {
    const body = Buffer.alloc(DEFAULT_IMPORT_LIMITS.maxBytes + 1, "a,Component,,A,,,,,,,\n");
    Buffer.from(NODES_HEADER).copy(body);
    return body;
  },
  "name-too-long": () => Buffer.from(`${NODES_HEADER}${PROBE_ROW}long-part,Component,,${"N".repeat(301)},,,,,,,\n`),
  "deep-json": () => Buffer.from(`${"[".repeat(100_000)}${"]".repeat(100_000)}`),
  "deep-objects": () => Buffer.from(`{"format":"chokepoint/graph","version":1,"nodes":[{"id":"probe-node","kind":"Component","name":{"en":"P"},"attrs":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}],"edges":[]}`),
  "ten-million-array": () => Buffer.from(`{"format":"chokepoint/graph","version":1,"nodes":[${"0,".repeat(10_000_000 - 1)}0],"edges":[]}`),
  "many-bad-rows": () => {
    const rows: string[] = [NODES_HEADER, PROBE_ROW];
    for (let i = 0; i < 5000; i++) rows.push(`bad-${i},Gizmo,,Bad ${i},,,,,,,\n`);
    return Buffer.from(rows.join(""));
  },
};
