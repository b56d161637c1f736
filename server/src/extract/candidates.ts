import type { NodeKind } from "@chokepoint/graph-schema";

/** Terms that a pattern finds but the lexicon lacks are kept as nodes under a provisional id, so
 *  that nothing found is dropped silently; `chokepoint extract` lists them for curation. */
export function candidateId(zh: string): string {
  // FNV-1a over the UTF-16 code units: stable across runs and platforms, no dependency.
  let h = 0x811c9dc5;
  for (let i = 0; i < zh.length; i++) {
    h ^= zh.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `uncurated-${h.toString(36)}`;
}

const MATERIAL_HEAD = /(材料|膜|合金|铜|丝|棒|管材|玻璃|玻璃瓶|聚合物|弹性体|橡胶|粉体|原料|辅料|原辅料|晶体|基板|树脂|纤维|涂层)$/;
const PRODUCT_HEAD = /(装备|设备|系统|仪|机|机器人|疫苗|药物|药品|制剂|试剂盒|服|口罩|器械)$/;

/** A first guess at the kind of an uncurated term, from its head noun; curation settles it. */
export function guessKind(zh: string): NodeKind {
  if (MATERIAL_HEAD.test(zh)) return "Material";
  if (PRODUCT_HEAD.test(zh)) return "Product";
  return "Component";
}
