/**
 * Facts about the keys of a parsed JSON object, shared by the slow path's key pre-pass and the fast
 * paths, so both read a key the same way (Appendix B: "match exact names first, then trimmed names").
 * @module
 */

const hasOwn = Object.prototype.hasOwnProperty;

/** Whether `u` is a JSON object (not null, not an array). @internal */
export function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** Own-property test that ignores the prototype chain (`constructor`, `toString`, …). @internal */
export function hasKey(o: object, key: string): boolean {
  return hasOwn.call(o, key);
}

/**
 * Whether a key has leading or trailing white space (§6.1 `"returnDesc "`, §6.10 `"msgs "`).
 * Checks the two end characters first so that clean ASCII keys cost two comparisons.
 * @internal
 */
export function needsTrim(key: string): boolean {
  const first = key.charCodeAt(0);
  const last = key.charCodeAt(key.length - 1);
  if (first > 32 && first < 160 && last > 32 && last < 160) return false;
  return key.length > 0 && key.trim() !== key;
}

/**
 * Whether a key can stay as it is in a decoded object that keeps unknown keys: not padded (the
 * pre-pass trims it) and not `__proto__` (the pre-pass drops it).
 * @internal
 */
export function isPlainKey(key: string): boolean {
  return !needsTrim(key) && key !== '__proto__';
}

/**
 * The wire key for a field: each of `names` exactly first, in order, then a key equal to one of the
 * names once trimmed (Appendix B: "match exact names first, then trimmed names").
 * @internal
 */
export function findKey(o: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) if (hasOwn.call(o, name)) return name;
  let keys: string[] | undefined;
  for (const name of names) {
    keys ??= Object.keys(o);
    for (const k of keys) if (k !== name && k.trim() === name) return k;
  }
  return undefined;
}
