import type { Flag } from "./types";

/**
 * Flag badges: one letter in a coloured disc per flag, drawn as a small SVG the stylesheet puts on
 * the node and the legend shows as an image. Built only from these constants, never from data.
 */
export const BADGE_ORDER: readonly Flag[] = ["POLICY_BOTTLENECK", "IMPORT_DEPENDENT", "DOMESTIC_BREAKTHROUGH"];

export const BADGE_STYLE: Readonly<Record<Flag, { readonly letter: string; readonly color: string }>> = {
  POLICY_BOTTLENECK: { letter: "B", color: "#7b1fa2" },
  IMPORT_DEPENDENT: { letter: "I", color: "#d84315" },
  DOMESTIC_BREAKTHROUGH: { letter: "D", color: "#2e7d32" },
};

/** A stable key for a node's set of flags: "" or letters in BADGE_ORDER, e.g. "BI". */
export function badgeKey(flags: readonly Flag[]): string {
  return BADGE_ORDER.filter((f) => flags.includes(f))
    .map((f) => BADGE_STYLE[f].letter)
    .join("");
}

/** Every non-empty key, for the stylesheet. */
export function allBadgeKeys(): string[] {
  const keys: string[] = [];
  for (let mask = 1; mask < 1 << BADGE_ORDER.length; mask++) keys.push(badgeKey(BADGE_ORDER.filter((_, i) => mask & (1 << i))));
  return keys;
}

const DISC = 16;

export function badgeSvg(key: string): string {
  const letters = [...key];
  const w = letters.length * DISC;
  const discs = letters
    .map((l, i) => {
      const flag = BADGE_ORDER.find((f) => BADGE_STYLE[f].letter === l)!;
      const cx = i * DISC + DISC / 2;
      return `<circle cx="${cx}" cy="${DISC / 2}" r="${DISC / 2 - 1}" fill="${BADGE_STYLE[flag].color}" stroke="#fff" stroke-width="1.5"/><text x="${cx}" y="${DISC / 2 + 4}" font-family="Arial,sans-serif" font-size="10" font-weight="700" fill="#fff" text-anchor="middle">${l}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${DISC}" viewBox="0 0 ${w} ${DISC}">${discs}</svg>`;
}

export function badgeDataUri(key: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(badgeSvg(key))}`;
}

export const BADGE_DISC = DISC;
