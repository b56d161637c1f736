#!/usr/bin/env node
// Checks tests/extraction/labels/requires-sample.json against the seed texts:
//   - every passage's `text` equals, or is an exact substring of, its lines [first, last]
//     joined with the newline characters removed (1-based line numbers);
//   - `lines` is tight (the text starts on `first` and ends on `last`);
//   - every parent/child surface form occurs in the passage text (after removing whitespace;
//     a form written without its bracketed alias, e.g. 体外膜肺氧合机 for 体外膜肺氧合机（ECMO）,
//     is looked up in the text with bracketed asides removed);
//   - no duplicate relation inside a passage, confidence is "stated" or "inferred".
// Usage: node tests/extraction/labels/check-labels.mjs [seedsDir]
//   seedsDir defaults to $CHOKEPOINT_SEEDS, then /work/shared/seeds, then seeds/documents.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../..");
const candidates = [process.argv[2], process.env.CHOKEPOINT_SEEDS, "/work/shared/seeds", join(repo, "seeds/documents")].filter(Boolean);
const seeds = candidates.find((d) => existsSync(d) && readdirSync(d).some((f) => /^00\d_.*\.txt$/.test(f)));
if (!seeds) {
  console.error(`No seed texts found (tried: ${candidates.join(", ")})`);
  process.exit(2);
}

const sample = JSON.parse(readFileSync(join(here, "requires-sample.json"), "utf8"));
const noSpace = (s) => s.replace(/\s+/g, "");
const noAside = (s) => s.replace(/[（(][^（）()]*[）)]/g, "");
const occurs = (form, text) => noSpace(text).includes(noSpace(form)) || noSpace(noAside(text)).includes(noSpace(form));

const cache = new Map();
const linesOf = (file) => {
  if (!cache.has(file)) cache.set(file, readFileSync(join(seeds, file), "utf8").split("\n"));
  return cache.get(file);
};

const problems = [];
const perDoc = {};
for (const [i, p] of sample.passages.entries()) {
  const where = `passage #${i} (${p.doc} ${p.lines?.join("-")})`;
  const L = linesOf(p.file);
  const [first, last] = p.lines;
  if (!(first >= 1 && last >= first && last <= L.length)) {
    problems.push(`${where}: bad line range`);
    continue;
  }
  if (!p.file.startsWith(`${p.doc}_`)) problems.push(`${where}: file ${p.file} does not belong to doc ${p.doc}`);
  const joined = L.slice(first - 1, last).join("");
  const at = joined.indexOf(p.text);
  if (!p.text || at < 0) {
    problems.push(`${where}: text is not a substring of lines ${first}-${last}`);
  } else {
    if (at >= L[first - 1].length) problems.push(`${where}: text does not start on line ${first}`);
    const beforeLast = L.slice(first - 1, last - 1).join("").length;
    if (at + p.text.length <= beforeLast) problems.push(`${where}: text does not reach line ${last}`);
  }
  const seen = new Set();
  for (const r of p.requires) {
    for (const role of ["parent", "child"]) {
      if (typeof r[role] !== "string" || !r[role]) problems.push(`${where}: empty ${role}`);
      else if (!occurs(r[role], p.text)) problems.push(`${where}: ${role} "${r[role]}" not in passage text`);
    }
    if (r.confidence !== "stated" && r.confidence !== "inferred") problems.push(`${where}: bad confidence ${r.confidence}`);
    if (r.parent === r.child) problems.push(`${where}: parent equals child (${r.parent})`);
    const key = `${r.parent}\u0000${r.child}`;
    if (seen.has(key)) problems.push(`${where}: duplicate ${r.parent} -> ${r.child}`);
    seen.add(key);
  }
  const d = (perDoc[p.doc] ??= { passages: 0, empty: 0, relations: 0, stated: 0, inferred: 0 });
  d.passages += 1;
  if (p.requires.length === 0) d.empty += 1;
  d.relations += p.requires.length;
  for (const r of p.requires) d[r.confidence] = (d[r.confidence] ?? 0) + 1;
}

console.table(perDoc);
const total = Object.values(perDoc).reduce((a, d) => a + d.relations, 0);
console.log(`seeds: ${seeds}\npassages: ${sample.passages.length}, relations: ${total}`);
if (problems.length) {
  for (const m of problems) console.error("PROBLEM " + m);
  process.exit(1);
}
console.log("OK: every passage text and every parent/child surface form checks out.");
