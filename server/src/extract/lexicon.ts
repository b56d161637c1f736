import { ChokepointError, isCategory, isNodeKind, isValidId, type Category, type NodeKind, type Problem } from "@chokepoint/graph-schema";
import { normalizeForm } from "./normalized-text";

/** One curated term: everything that becomes a node of the seed graph is one of these. */
export interface LexiconTerm {
  readonly id: string;
  readonly kind: NodeKind;
  readonly zh: string;
  readonly en: string;
  readonly category?: Category;
  /** Surface forms the texts use besides `zh` (matched in the text). */
  readonly forms: readonly string[];
  /** Further names an analyst may search for (English, abbreviations); never matched in the text. */
  readonly aliases: readonly string[];
  /** The item whose name this compound carries (CT球管 is the CT's tube): every mention in a fact
   *  also states that the host requires it. */
  readonly partOf?: string;
  /** The normalised forms that carry the host's name (CT球管, not X射线管); empty = every form. */
  readonly partOfForms: readonly string[];
  /** An equipment family (医学影像设备, 医疗器械): the parts a text lists under it are required by the
   *  family node (inferred), and a short sentence naming it heads the sentences that follow. */
  readonly family: boolean;
  /** Region: the regions that enclose it (common geography, inferred). */
  readonly within: readonly string[];
  /** Supplier: where it is (from its name or the text; inferred unless a pattern states it). */
  readonly locatedIn: readonly string[];
  /** Why partOf / within / locatedIn hold. */
  readonly note?: string;
}

/** A surface form that names several terms at once (CT/PET探测器 = the CT detector and the PET detector). */
export interface LexiconGroup {
  readonly form: string;
  readonly ids: readonly string[];
}

/** A generic part name whose meaning depends on the item it is listed under (探测器 under CT). */
export interface LexiconContextual {
  readonly form: string;
  readonly byHost: Readonly<Record<string, string>>;
}

/** A surface form that patterns can capture but that is not a supply item (a technique, a service). */
export interface LexiconIgnore {
  readonly form: string;
  readonly why: string;
}

export interface Lexicon {
  readonly terms: readonly LexiconTerm[];
  readonly groups: readonly LexiconGroup[];
  readonly contextual: readonly LexiconContextual[];
  readonly ignore: readonly LexiconIgnore[];
  readonly byId: ReadonlyMap<string, LexiconTerm>;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  if (v === undefined) return [];
  return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
}

/** Validates the lexicon document; every problem is reported at once, with a JSON path. */
export function parseLexicon(input: unknown): Lexicon {
  const problems: Problem[] = [];
  const bad = (path: string, message: string) => problems.push({ code: "VALIDATION_FAILED", path, message });
  if (!isObj(input)) throw new ChokepointError("VALIDATION_FAILED", "the lexicon must be a JSON object");
  const terms: LexiconTerm[] = [];
  const byId = new Map<string, LexiconTerm>();
  const rawTerms = Array.isArray(input.terms) ? input.terms : [];
  rawTerms.forEach((t: unknown, i) => {
    const path = `$.terms[${i}]`;
    if (!isObj(t)) return void bad(path, "a term must be an object");
    const { id, kind, zh, en, category, partOf, note } = t;
    const forms = strings(t.forms);
    const aliases = strings(t.aliases);
    const within = strings(t.within);
    const locatedIn = strings(t.locatedIn);
    const partOfForms = strings(t.partOfForms);
    if (typeof id !== "string" || !isValidId(id)) return void bad(`${path}.id`, "id must be lowercase kebab-case");
    if (byId.has(id)) return void bad(`${path}.id`, `id "${id}" is used twice`);
    if (!isNodeKind(kind)) return void bad(`${path}.kind`, "unknown kind");
    if (typeof zh !== "string" || zh === "" || typeof en !== "string" || en === "") return void bad(path, "a term needs zh and en names");
    if (category !== undefined && !isCategory(category)) return void bad(`${path}.category`, "unknown category");
    if (!forms || !aliases || !within || !locatedIn || !partOfForms) return void bad(path, "forms, aliases, partOfForms, within and locatedIn are lists of text");
    if (partOf !== undefined && typeof partOf !== "string") return void bad(`${path}.partOf`, "partOf is an id");
    if (note !== undefined && typeof note !== "string") return void bad(`${path}.note`, "note is text");
    const term: LexiconTerm = {
      id,
      kind,
      zh,
      en,
      ...(category !== undefined && { category }),
      forms,
      aliases,
      ...(typeof partOf === "string" && { partOf }),
      partOfForms: partOfForms.map(normalizeForm),
      family: t.family === true,
      within,
      locatedIn,
      ...(typeof note === "string" && { note }),
    };
    terms.push(term);
    byId.set(id, term);
  });
  const refs = (ids: readonly string[], path: string) =>
    ids.forEach((r) => {
      if (!byId.has(r)) bad(path, `no term "${r}"`);
    });
  terms.forEach((t, i) => {
    if (t.partOf !== undefined) refs([t.partOf], `$.terms[${i}].partOf`);
    refs(t.within, `$.terms[${i}].within`);
    refs(t.locatedIn, `$.terms[${i}].locatedIn`);
  });
  const groups: LexiconGroup[] = [];
  (Array.isArray(input.groups) ? input.groups : []).forEach((g: unknown, i) => {
    const ids = isObj(g) ? strings(g.ids) : undefined;
    if (!isObj(g) || typeof g.form !== "string" || !ids || ids.length < 2) return void bad(`$.groups[${i}]`, "a group needs a form and two or more ids");
    refs(ids, `$.groups[${i}].ids`);
    groups.push({ form: g.form, ids });
  });
  const contextual: LexiconContextual[] = [];
  (Array.isArray(input.contextual) ? input.contextual : []).forEach((c: unknown, i) => {
    if (!isObj(c) || typeof c.form !== "string" || !isObj(c.byHost)) return void bad(`$.contextual[${i}]`, "a contextual form needs a form and byHost");
    const byHost: Record<string, string> = {};
    for (const [host, id] of Object.entries(c.byHost)) {
      if (typeof id !== "string") bad(`$.contextual[${i}].byHost.${host}`, "expected an id");
      else {
        refs([host, id], `$.contextual[${i}].byHost`);
        byHost[host] = id;
      }
    }
    contextual.push({ form: c.form, byHost });
  });
  const ignore: LexiconIgnore[] = [];
  (Array.isArray(input.ignore) ? input.ignore : []).forEach((x: unknown, i) => {
    if (!isObj(x) || typeof x.form !== "string" || typeof x.why !== "string") return void bad(`$.ignore[${i}]`, "an ignored form needs form and why");
    ignore.push({ form: x.form, why: x.why });
  });
  const owner = new Map<string, string>();
  const claim = (form: string, who: string, path: string) => {
    const key = normalizeForm(form);
    if (key === "") return void bad(path, "empty form");
    const prior = owner.get(key);
    if (prior !== undefined && prior !== who) bad(path, `form "${form}" already belongs to ${prior}`);
    owner.set(key, who);
  };
  terms.forEach((t, i) => [t.zh, ...t.forms].forEach((f) => claim(f, t.id, `$.terms[${i}]`)));
  groups.forEach((g, i) => claim(g.form, `group ${g.ids.join("+")}`, `$.groups[${i}]`));
  contextual.forEach((c, i) => claim(c.form, `contextual ${c.form}`, `$.contextual[${i}]`));
  ignore.forEach((x, i) => claim(x.form, `ignored ${x.form}`, `$.ignore[${i}]`));
  if (problems.length > 0) {
    throw new ChokepointError("VALIDATION_FAILED", `the lexicon has ${problems.length} problem(s): ${problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join("; ")}`, { problems });
  }
  return { terms, groups, contextual, ignore, byId };
}
