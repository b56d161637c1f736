import type { Lexicon } from "./lexicon";
import { normalizeForm } from "./normalized-text";

/** What a matched surface form stands for. */
export type MatchTarget =
  | { readonly type: "term"; readonly id: string }
  | { readonly type: "group"; readonly ids: readonly string[] }
  | { readonly type: "contextual"; readonly byHost: Readonly<Record<string, string>> }
  | { readonly type: "ignore"; readonly why: string };

/** A lexicon form found in normalised text: [start, end) offsets of that text. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly target: MatchTarget;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  target?: MatchTarget;
}

export interface TermMatcher {
  /** Leftmost-longest mentions in text[from, to), never overlapping. */
  find(text: string, from?: number, to?: number): Mention[];
}

const ASCII_WORD = /[A-Za-z0-9]/;
const ASIDE = /\([^()]*\)/g;

/** A trie over the normalised forms. Leftmost-longest matching is what a reader does with Chinese
 *  compounds: 经鼻高流量氧疗仪 is one device, not 氧疗 plus a stray 仪. Forms that begin or end with
 *  a Latin letter or digit only match at a word edge, so CT is not found inside SPECT. */
export function buildMatcher(lexicon: Lexicon): TermMatcher {
  const root: TrieNode = { next: new Map() };
  const add = (form: string, target: MatchTarget) => {
    let node = root;
    for (const ch of normalizeForm(form)) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.target = target;
  };
  const entries: [string, MatchTarget][] = [
    ...lexicon.terms.flatMap((t) => [t.zh, ...t.forms].map((f): [string, MatchTarget] => [f, { type: "term", id: t.id }])),
    ...lexicon.groups.map((g): [string, MatchTarget] => [g.form, { type: "group", ids: g.ids }]),
    ...lexicon.contextual.map((c): [string, MatchTarget] => [c.form, { type: "contextual", byHost: c.byHost }]),
    ...lexicon.ignore.map((x): [string, MatchTarget] => [x.form, { type: "ignore", why: x.why }]),
  ];
  const taken = new Set(entries.map(([f]) => normalizeForm(f)));
  for (const [f, target] of entries) add(f, target);
  // A form with a bracketed alias (体外膜肺氧合机（ECMO）) is also written without it.
  for (const [f, target] of entries) {
    const bare = normalizeForm(f).replace(ASIDE, "");
    if (bare !== "" && !taken.has(bare)) {
      taken.add(bare);
      add(bare, target);
    }
  }

  const edgeOk = (text: string, start: number, end: number, from: number, to: number) => {
    if (ASCII_WORD.test(text[start]!) && start > from && ASCII_WORD.test(text[start - 1]!)) return false;
    if (ASCII_WORD.test(text[end - 1]!) && end < to && ASCII_WORD.test(text[end]!)) return false;
    return true;
  };

  return {
    find(text, from = 0, to = text.length) {
      const out: Mention[] = [];
      let i = from;
      while (i < to) {
        let node: TrieNode | undefined = root;
        let best: Mention | undefined;
        for (let j = i; j < to && node; j++) {
          node = node.next.get(text[j]!);
          if (node?.target && edgeOk(text, i, j + 1, from, to)) best = { start: i, end: j + 1, target: node.target };
        }
        if (best) {
          out.push(best);
          i = best.end;
        } else i++;
      }
      return out;
    },
  };
}
