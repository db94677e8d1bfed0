/**
 * What a decoded push may carry beyond its documented fields (unknown keys, an unknown push's
 * `raw`), made safe before it reaches a stream (issue 14): values under secret-looking keys become
 * {@link Secret}s, and nesting deeper than {@link MAX_KEPT_DEPTH} is cut, so a decoded value is
 * always safe to `JSON.stringify` and to print.
 * @module
 */
import { Secret } from '../security/secret.js';
import { isSecretKey } from './redact.js';

/**
 * The deepest nesting a decoded push keeps, counted from the frame (a full roster is 4 levels
 * deep: frame, `data`, item, `pinfoMap`). A deeper object or array is replaced by
 * {@link CUT_MARKER}: `JSON.stringify` of a value tens of thousands of levels deep overflows the
 * stack, and a 200 KB frame can be that deep.
 * @category Protocol
 */
export const MAX_KEPT_DEPTH = 32;

/**
 * What stands in for a value cut at {@link MAX_KEPT_DEPTH}.
 * @category Protocol
 */
export const CUT_MARKER = `[cut: nested deeper than ${MAX_KEPT_DEPTH} levels]`;

/** The result of {@link sanitizeKept}. */
export interface Sanitized<T> {
  /** `value` itself when nothing needed changing, else a copy changed along the affected paths only. */
  readonly value: T;
  /** How many values were cut at {@link MAX_KEPT_DEPTH}. */
  readonly cut: number;
}

/**
 * `value` with every value under a secret-looking key ({@link isSecretKey}: `pwd`, `guestPwd`,
 * `confToken`, …) turned into a {@link Secret} (a nested object's every string, number and boolean
 * too), and every object or array nested deeper than {@link MAX_KEPT_DEPTH} replaced by
 * {@link CUT_MARKER}. `Secret`s stay as they are, and so does `pwds` (§6.3: decoded with each
 * `pwd` a Secret already). With `redactLeaf`, every other string passes through it (the meeting's
 * redactor, when the frame's text mentions one of its secrets). Never changes `value`; copies only
 * what it changes.
 * @example
 * ```ts
 * sanitizeKept({ title: 't', guestPwd: '123456' }).value; // { title: 't', guestPwd: Secret }
 * ```
 * @category Protocol
 */
export function sanitizeKept<T>(value: T, redactLeaf?: (text: string) => string): Sanitized<T> {
  const counts: WalkState = { cut: 0, redactLeaf, keys: new Map() };
  const out = walk(value, 0, false, counts);
  return { value: out as T, cut: counts.cut };
}

interface WalkState {
  cut: number;
  readonly redactLeaf: ((text: string) => string) | undefined;
  /** Each key's verdict, per call: a roster repeats the same dozen keys for every person. */
  readonly keys: Map<string, boolean>;
}

function secretKey(key: string, state: WalkState): boolean {
  let secret = state.keys.get(key);
  if (secret === undefined) {
    secret = key !== 'pwds' && isSecretKey(key);
    state.keys.set(key, secret);
  }
  return secret;
}

function walk(value: unknown, depth: number, inSecret: boolean, counts: WalkState): unknown {
  if (typeof value !== 'object' || value === null) {
    if (inSecret) return value === null || value === undefined ? value : new Secret(String(value));
    return typeof value === 'string' && counts.redactLeaf !== undefined ? counts.redactLeaf(value) : value;
  }
  if (value instanceof Secret) return value;
  if (depth >= MAX_KEPT_DEPTH) {
    counts.cut += 1;
    return CUT_MARKER;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = walk(item, depth + 1, inSecret, counts);
      if (next !== item) {
        copy ??= value.slice();
        copy[i] = next;
      }
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(record);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const field = record[key];
    const secret = inSecret || secretKey(key, counts);
    // A scalar at a non-secret key needs nothing (unless strings are to be redacted): skip the call.
    if (
      !secret &&
      (typeof field !== 'object' || field === null) &&
      (counts.redactLeaf === undefined || typeof field !== 'string')
    )
      continue;
    const next = walk(field, depth + 1, secret, counts);
    if (next !== field) {
      copy ??= { ...record };
      // A plain assignment: `__proto__` is an own data key here (copied by the spread), not a setter.
      Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy ?? value;
}
