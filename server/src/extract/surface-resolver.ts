import type { Lexicon } from "./lexicon";
import { normalizeForm } from "./normalized-text";
import type { MatchTarget, Mention, TermMatcher } from "./term-matcher";

/** Maps a surface form written by a person (a label, a search) to lexicon ids, the way the
 *  extractor reads the texts: the exact form, else the form that ends it (Chinese noun phrases are
 *  head-final: 高功率磁控管 is a 磁控管), else, within a passage, the lexicon form that contains or is
 *  contained in the written one (X-射线探测器 inside 非晶硅/氧化物平板平X-射线探测器). Generic part names
 *  (探测器) are resolved by the host: the given parent, or the items the passage names. */
export interface SurfaceResolver {
  resolve(form: string, context?: { readonly hosts?: readonly string[]; readonly passage?: string }): readonly string[];
}

const ASIDE = /\([^()]*\)/g;

function idsOf(target: MatchTarget, hosts: readonly string[]): readonly string[] {
  switch (target.type) {
    case "term":
      return [target.id];
    case "group":
      return target.ids;
    case "ignore":
      return [];
    case "contextual":
      return [...new Set(hosts.map((h) => target.byHost[h]).filter((x): x is string => x !== undefined))];
  }
}

export function buildResolver(lexicon: Lexicon, matcher: TermMatcher): SurfaceResolver {
  const passageHosts = (passage: string): string[] =>
    matcher
      .find(normalizeForm(passage))
      .flatMap((m) => (m.target.type === "term" ? [m.target.id] : m.target.type === "group" ? [...m.target.ids] : []))
      .filter((id) => lexicon.byId.has(id));
  return {
    resolve(form, context = {}) {
      const hosts = context.hosts && context.hosts.length > 0 ? context.hosts : context.passage ? passageHosts(context.passage) : [];
      for (const text of [normalizeForm(form), normalizeForm(form).replace(ASIDE, "")]) {
        if (text === "") continue;
        const mentions = matcher.find(text);
        const whole = mentions.find((m) => m.start === 0 && m.end === text.length);
        if (whole) return idsOf(whole.target, hosts);
        const head = mentions.find((m) => m.end === text.length);
        if (head) {
          const ids = idsOf(head.target, hosts);
          if (ids.length > 0) return ids;
        }
        if (context.passage) {
          const passage = normalizeForm(context.passage);
          const found = new Set<string>();
          const inPassage = matcher.find(passage);
          for (let at = passage.indexOf(text); at >= 0; at = passage.indexOf(text, at + 1)) {
            const end = at + text.length;
            const around = inPassage.filter((m: Mention) => (m.start <= at && m.end >= end) || (m.start >= at && m.end <= end));
            const best = around.find((m) => m.end === end) ?? around[around.length - 1];
            if (best) for (const id of idsOf(best.target, hosts)) found.add(id);
          }
          if (found.size > 0) return [...found];
        }
      }
      return [];
    },
  };
}
