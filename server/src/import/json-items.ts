import { readEdge, readNode } from "@chokepoint/graph-schema";
import type { EdgeItem, NodeItem } from "./import-items";
import type { Place, ProblemList } from "./problems";
import { readWithSchema } from "./schema-problems";

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function hasOwnEvidence(o: Obj): boolean {
  return Array.isArray(o.evidence) && o.evidence.length > 0;
}

/** Attribute names that are members of every object (`constructor`, `toString`, `__proto__`, …):
 *  stored as data they would shadow those members for any code holding the attrs object. */
function reservedKey(k: string): boolean {
  return k === "prototype" || k in Object.prototype;
}

/** Items without evidence of their own are the analyst's statements: confidence "imported"
 *  unless the file says otherwise (their {file, row} provenance is added by the merge). */
function defaultConfidence(o: Obj): Obj {
  return hasOwnEvidence(o) || o.confidence !== undefined ? o : { ...o, confidence: "imported" };
}

const column = (relative: string): string | undefined => (relative === "" ? undefined : relative);

export function readJsonNode(raw: unknown, index: number, file: string, problems: ProblemList): NodeItem | undefined {
  const path = `$.nodes[${index}]`;
  const place: Place = { file, row: index + 1, path };
  let input: unknown = raw;
  let reserved = false;
  if (isObject(raw)) {
    if (isObject(raw.attrs)) {
      for (const k of Object.keys(raw.attrs).filter(reservedKey)) {
        reserved = true;
        problems.at({ ...place, column: `attrs.${k}`, path: `${path}.attrs.${k}` }, "FIELD_UNKNOWN", `"${k}" cannot be an attribute name`);
      }
    }
    const flags = Array.isArray(raw.flags) ? raw.flags.map((f: unknown) => (isObject(f) ? defaultConfidence(f) : f)) : raw.flags;
    input = { ...defaultConfidence(raw), ...(flags !== undefined && { flags }) };
  }
  const node = readWithSchema(readNode, input, place, column, problems);
  if (!node || reserved || !isObject(raw)) return undefined;
  const name = isObject(raw.name) ? raw.name : {};
  return {
    place,
    node,
    given: { zh: present(name.zh), en: present(name.en), category: present(raw.category), attrs: Object.keys(node.attrs), confidence: raw.confidence !== undefined },
    provenance: { file, row: index + 1 },
  };
}

export function readJsonEdge(raw: unknown, index: number, file: string, problems: ProblemList): EdgeItem | undefined {
  const path = `$.edges[${index}]`;
  const place: Place = { file, row: index + 1, path };
  const edge = readWithSchema(readEdge, isObject(raw) ? defaultConfidence(raw) : raw, place, column, problems);
  if (!edge || !isObject(raw)) return undefined;
  return {
    place,
    edge,
    given: {
      group: present(raw.group),
      share: present(raw.share),
      leadTimeDays: present(raw.leadTimeDays),
      qualified: present(raw.qualified),
      confidence: raw.confidence !== undefined,
    },
    provenance: { file, row: index + 1 },
  };
}
