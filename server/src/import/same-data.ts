/** Structural equality for JSON-shaped data; keys holding `undefined` count as absent, so an object
 *  built here equals the same object read back from the store. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k of Object.keys(ao)) {
    if (ao[k] === undefined) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !sameData(ao[k], bo[k])) return false;
  }
  for (const k of Object.keys(bo)) if (bo[k] !== undefined) count--;
  return count === 0;
}
