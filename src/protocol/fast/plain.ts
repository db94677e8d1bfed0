/**
 * Cheap checks (small enough for the engine to inline) for values and keys a fast path can keep as
 * they are, because the slow path would return them unchanged.
 * @module
 */
import { isPlainKey } from '../keys.js';

/** Absent or a finite number: a number field that needs nothing done. @internal */
export function plainNumber(v: unknown): boolean {
  return v === undefined || (typeof v === 'number' && v - v === 0);
}

/** Absent or a string: a string field that needs nothing done. @internal */
export function plainString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

/**
 * Whether every own key of `o` may stay as it is in an object that keeps unknown keys: none padded,
 * none `__proto__` (the slow path would trim or drop them).
 * @internal
 */
export function plainKeys(o: Record<string, unknown>): boolean {
  for (const k in o) if (!isPlainKey(k)) return false;
  return true;
}
