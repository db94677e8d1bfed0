/**
 * Liberal scalars (PROTOCOL.md §0 "Client: be liberal", §9.21, Appendix B): io-ts has no codec for
 * "a number, or a decimal string holding one", so these are small custom `t.Type`s.
 *
 * Each is built on one converter (`numberOf`, `stringOf`, …) that returns the normalised value or
 * {@link MISS}. The slow path's codecs and the hand-written fast paths call the same converters, so
 * the two cannot disagree on what a value means, only on the shape around it.
 * @module
 */
import * as t from 'io-ts';
import { Secret } from '../security/secret.js';

/**
 * Returned by a converter or a fast path for input it does not take: "use the full decode". Never
 * returned to users.
 * @internal
 */
export const MISS: unique symbol = Symbol('miss');
/** The type of {@link MISS}. @internal */
export type Miss = typeof MISS;

/**
 * An io-ts codec whose decode is `convert`: success exactly when it gives a value.
 * @internal
 */
export function lenientScalar<A>(
  name: string,
  is: (u: unknown) => u is A,
  convert: (u: unknown) => A | Miss,
): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(
    name,
    is,
    (u, c) => {
      const r = convert(u);
      return r === MISS ? t.failure(u, c) : t.success(r);
    },
    t.identity,
  );
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The value of `s` when it is 1 to 15 ASCII digits and nothing else (ms times and IDs: the usual
 * case), else -1. Up to 15 digits the value stays below 2^53, so summing digits is exact and gives
 * what `Number(s)` gives, without the engine's general string-to-number conversion.
 */
function digitsValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** A decimal string to a number, or MISS; white space around the digits is tolerated. */
function parseDecimal(s: string): number | Miss {
  const digits = digitsValue(s);
  if (digits >= 0) return digits;
  if (DECIMAL.test(s)) return Number(s);
  const trimmed = s.trim();
  return trimmed !== s && DECIMAL.test(trimmed) ? Number(trimmed) : MISS;
}

/**
 * A finite number, or a decimal string holding one (§9.21: `picNum`, ms times, NetCondition
 * metrics, subtitle `version`/`createTime`); Infinity and NaN are refused.
 * @internal
 */
export function numberOf(u: unknown): number | Miss {
  // `x - x === 0` is false for NaN and ±Infinity (JSON.parse gives Infinity for `1e400`).
  if (typeof u === 'number') return u - u === 0 ? u : MISS;
  return typeof u === 'string' ? parseDecimal(u) : MISS;
}

/** A string, or a finite number as its decimal text (IDs and codes sent as numbers). @internal */
export function stringOf(u: unknown): string | Miss {
  if (typeof u === 'string') return u;
  return typeof u === 'number' && u - u === 0 ? String(u) : MISS;
}

/** `0` or `1`, also as `"0"`/`"1"` (§6.0 `msgMode`, the per-item `mode` of list payloads). @internal */
export function binaryOf(u: unknown): 0 | 1 | Miss {
  if (u === 0 || u === 1) return u;
  if (typeof u !== 'string') return MISS;
  const s = u.trim();
  return s === '0' ? 0 : s === '1' ? 1 : MISS;
}

/** A boolean, also as `"true"`/`"false"` or `0`/`1` (flags the tables call Boolean). @internal */
export function booleanOf(u: unknown): boolean | Miss {
  if (typeof u === 'boolean') return u;
  if (u === 1 || u === 0) return u === 1;
  if (typeof u !== 'string') return MISS;
  const s = u.trim().toLowerCase();
  return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : MISS;
}

/** A password or token as a {@link Secret}; a numeric password sent as a number too. @internal */
export function secretOf(u: unknown): Secret | Miss {
  if (typeof u === 'string') return new Secret(u);
  if (u instanceof Secret) return u;
  return typeof u === 'number' && Number.isFinite(u) ? new Secret(String(u)) : MISS;
}

/** {@link numberOf} as a codec. @internal */
export const NumberLike: t.Type<number, number, unknown> = lenientScalar(
  'number | numeric string',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  numberOf,
);

/** {@link stringOf} as a codec. @internal */
export const StringLike: t.Type<string, string, unknown> = lenientScalar(
  'string',
  (u): u is string => typeof u === 'string',
  stringOf,
);

/** {@link binaryOf} as a codec. @internal */
export const BinaryLike: t.Type<0 | 1, 0 | 1, unknown> = lenientScalar(
  '0 | 1',
  (u): u is 0 | 1 => u === 0 || u === 1,
  binaryOf,
);

/** {@link booleanOf} as a codec. @internal */
export const BooleanLike: t.Type<boolean, boolean, unknown> = lenientScalar(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  booleanOf,
);

/** {@link secretOf} as a codec: a password or token never prints (Appendix B). @internal */
export const SecretLike: t.Type<Secret, Secret, unknown> = lenientScalar(
  'secret string',
  (u): u is Secret => u instanceof Secret,
  secretOf,
);

/** A string without the white space around it, for the `action` literal. */
const TrimmedString = lenientScalar(
  'string',
  (u): u is string => typeof u === 'string',
  (u) => (typeof u === 'string' ? u.trim() : MISS),
);

/**
 * A fixed `action` name: `t.literal` after trimming, since surrounding white space is tolerated.
 * @internal
 */
export function actionLiteral<A extends string>(action: A): t.Type<A, string, unknown> {
  return TrimmedString.pipe(t.literal(action), JSON.stringify(action));
}
