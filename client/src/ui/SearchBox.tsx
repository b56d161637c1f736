import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { searchNodes } from "../api/analysis";
import type { SearchHit } from "../api/types";
import { kindName, t } from "../model/i18n";
import { nameIn } from "../model/labels";
import type { Lang } from "../model/types";
import { KindShape } from "./KindShape";

interface Props {
  readonly lang: Lang;
  readonly label: string;
  readonly placeholder: string;
  readonly onPick: (hit: SearchHit) => void;
  readonly testId: string;
  /** Focus this box on "/" anywhere on the page. */
  readonly globalShortcut?: boolean;
}

const DEBOUNCE_MS = 120;
const CLOSE_AFTER_BLUR_MS = 150;

/** The answer to the last search: its text, its hits, and why it failed when it did. */
interface Answer {
  readonly q: string;
  readonly hits: readonly SearchHit[];
  readonly failure: string | null;
}
const NO_ANSWER: Answer = { q: "", hits: [], failure: null };

/**
 * A keyboard-driven combobox (WAI-ARIA 1.2 pattern) over the API's ranked search (id, zh, en and
 * aliases): type, ↑/↓ to move, Enter to pick (the top hit when none is highlighted), Esc to close.
 */
export function SearchBox({ lang, label, placeholder, onPick, testId, globalShortcut = false }: Props) {
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<Answer>(NO_ANSWER);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  // The list closes a moment after the box loses focus; coming back (or typing) before then
  // cancels that, or the list would close under the user's typing (a browser test met this).
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancelClose = () => clearTimeout(closing.current);
  useEffect(() => cancelClose, []);

  useEffect(() => {
    const q = query.trim();
    if (q === "") return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      searchNodes(q, abort.signal).then(
        (items) => {
          setAnswer({ q, hits: items, failure: null });
          setActive(-1);
        },
        (e: unknown) => {
          if (abort.signal.aborted) return;
          setAnswer({ q, hits: [], failure: e instanceof Error ? e.message : String(e) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  useEffect(() => {
    if (!globalShortcut) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target !== null && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
      if (e.key === "/" && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [globalShortcut]);

  const answered = query.trim() !== "" && answer.q === query.trim();
  const current = answered ? answer.hits : [];
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setOpen(false);
    setQuery("");
    setAnswer(NO_ANSWER);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      setOpen(true);
      setActive((a) => Math.min(current.length - 1, a + 1));
    } else if (e.key === "ArrowUp") {
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === "Enter") {
      pick(current[active >= 0 ? active : 0]);
    } else if (e.key === "Escape") {
      if (open && query !== "") setOpen(false);
      else setQuery("");
    } else return;
    e.preventDefault();
  };
  const expanded = open && query.trim() !== "";

  return (
    <div className="search" data-testid={testId}>
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          cancelClose();
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          cancelClose();
          setOpen(true);
        }}
        onBlur={() => {
          cancelClose();
          closing.current = setTimeout(() => setOpen(false), CLOSE_AFTER_BLUR_MS);
        }}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul id={listId} role="listbox" className="search-results" aria-label={label}>
          {answered && current.length === 0 && (
            <li className="search-empty" role="presentation" data-testid="search-status">
              {answer.failure === null ? t(lang, "noMatches") : t(lang, "searchFailed", { msg: answer.failure })}
            </li>
          )}
          {current.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <KindShape kind={h.kind} size={11} />
              <span className="hit-name">{nameIn(h.name, lang, h.id)}</span>
              <span className="hit-other">{nameIn(h.name, lang === "zh" ? "en" : "zh", h.id)}</span>
              <span className="hit-kind">{kindName(lang, h.kind)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
