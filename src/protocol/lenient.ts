/**
 * Liberal primitives for reading the service's frames (PROTOCOL.md §0 "Client: be liberal", §9,
 * Appendix B).
 *
 * Every codec here is an io-ts `Type` with one extra member, `fast`: a converter that returns the
 * normalised value, or {@link MISS} when the input needs the full liberal treatment. `validate` is
 * built on the same converter for primitives, so the fast path and the io-ts path cannot disagree on
 * what a value means; they differ only in that `validate` reports where and why a value failed.
 * @module
 */
import * as t from 'io-ts';
import { Secret } from '../security/secret.js';

/**
 * Returned by a fast path when the input is not in its plain documented form, meaning "take the
 * full liberal io-ts decode instead". Never returned to users.
 * @internal
 */
export const MISS: unique symbol = Symbol('miss');
/** The type of {@link MISS}. @internal */
export type Miss = typeof MISS;

/** The structural kind of a codec, used to print paths (`data[2].pid`). @internal */
export type CodecKind = 'primitive' | 'object' | 'array';

/**
 * An io-ts codec of the wire with a cheap, allocation-light converter for the common case.
 * @internal
 */
export class LenientType<A> extends t.Type<A, unknown, unknown> {
  constructor(
    name: string,
    is: t.Is<A>,
    validate: t.Validate<unknown, A>,
    /** Normalises `u` when it needs no liberal rule (beyond documented conversions), else {@link MISS}. */
    readonly fast: (u: unknown) => A | Miss,
    readonly kind: CodecKind = 'primitive',
  ) {
    super(name, is, validate, t.identity);
  }
}

/**
 * Views a codec of one member of a union as a codec of the union (io-ts types are invariant in
 * their type parameter because of `encode`; ours is the identity, so the widening is sound).
 * @internal
 */
export function widen<B, A extends B = B>(codec: LenientType<A>): LenientType<B> {
  return codec as unknown as LenientType<B>;
}

/**
 * A primitive whose fast converter is complete: `validate` succeeds exactly when `convert` does.
 * @internal
 */
export function primitive<A>(
  name: string,
  is: (u: unknown) => u is A,
  convert: (u: unknown) => A | Miss,
): LenientType<A> {
  return new LenientType<A>(
    name,
    is,
    (u, c) => {
      const r = convert(u);
      return r === MISS ? t.failure(u, c) : t.success(r);
    },
    convert,
  );
}

/** Whether `u` is a JSON object (not null, not an array). @internal */
export function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Own-property test that ignores the prototype chain (`constructor`, `toString`, …). @internal */
export function hasKey(o: object, key: string): boolean {
  return hasOwn.call(o, key);
}

/**
 * Whether a key has leading or trailing white space (§6.1 `"returnDesc "`, §6.10 `"msgs "`).
 * Checks the two end characters first so clean keys cost two comparisons.
 * @internal
 */
export function needsTrim(key: string): boolean {
  const first = key.charCodeAt(0);
  const last = key.charCodeAt(key.length - 1);
  if (first > 32 && first < 160 && last > 32 && last < 160) return false;
  return key.length > 0 && key.trim() !== key;
}

/** How many keys a {@link KeyMemo} remembers; keys beyond are always checked. */
const MEMO_SIZE = 64;

/**
 * Remembers keys that passed a check, in the order of the objects that had them: frames of one
 * kind repeat one key sequence (a roster's hundred `pinfoMap`s, every status frame's forty keys),
 * so comparing a key with the remembered key at the same place (the same interned string: one
 * pointer comparison) replaces most checks. Only keys that passed are ever stored, so a match
 * proves a key passes wherever it sits; a mismatch is checked and then stored in that place.
 * Decoding is synchronous, so one memo per call site serves every frame.
 * @internal
 */
export class KeyMemo {
  private readonly keys: string[] = [];

  constructor(private readonly passes: (key: string) => boolean) {}

  /**
   * Whether every own enumerable key of `o` passes the check (and, with `stringValues`, every
   * value is a string).
   */
  every(o: Record<string, unknown>, stringValues = false): boolean {
    const keys = this.keys;
    let i = 0;
    for (const k in o) {
      if (stringValues && typeof o[k] !== 'string') return false;
      if (!((i < keys.length && keys[i] === k) || this.learn(k, i))) return false;
      i++;
    }
    return true;
  }

  /** The check proper, for a key not remembered at position `i`; a key that passes is stored there. */
  private learn(key: string, i: number): boolean {
    if (!this.passes(key)) return false;
    const keys = this.keys;
    if (i <= keys.length && i < MEMO_SIZE) keys[i] = key;
    return true;
  }
}

/**
 * Whether a key can be copied as it is into an object kept with its unknown keys: not padded
 * (the full decode trims it) and not `__proto__` (the full decode drops it).
 * @internal
 */
export function isPlainKey(key: string): boolean {
  return !needsTrim(key) && key !== '__proto__';
}

/**
 * Finds the wire key for a field: each of `names` exactly first, then keys that equal one of the
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

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

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
 * A number, or a decimal string holding one (§9.21: `picNum`, ms times, NetCondition metrics,
 * subtitle `version`/`createTime`). Infinity and NaN are refused.
 * @internal
 */
export const NumberLike: LenientType<number> = primitive(
  'number | numeric string',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u) => {
    if (typeof u === 'number') return Number.isFinite(u) ? u : MISS;
    return typeof u === 'string' ? parseDecimal(u) : MISS;
  },
);

/** A string, or a finite number turned into its decimal text (IDs and codes sent as numbers). @internal */
export const StringLike: LenientType<string> = primitive(
  'string',
  (u): u is string => typeof u === 'string',
  (u) => {
    if (typeof u === 'string') return u;
    return typeof u === 'number' && Number.isFinite(u) ? String(u) : MISS;
  },
);

/** `0` or `1`, also as `"0"`/`"1"`: `msgMode` (§6.0) and the per-item `mode` of list payloads. @internal */
export const BinaryLike: LenientType<0 | 1> = primitive(
  '0 | 1',
  (u): u is 0 | 1 => u === 0 || u === 1,
  (u) => {
    if (u === 0 || u === 1) return u;
    if (typeof u !== 'string') return MISS;
    const s = u.trim();
    return s === '0' ? 0 : s === '1' ? 1 : MISS;
  },
);

/** A boolean, also as `"true"`/`"false"` or `0`/`1` (flags the tables call Boolean). @internal */
export const BooleanLike: LenientType<boolean> = primitive(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u) => {
    if (typeof u === 'boolean') return u;
    if (u === 1 || u === 0) return u === 1;
    if (typeof u !== 'string') return MISS;
    const s = u.trim().toLowerCase();
    return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : MISS;
  },
);

/**
 * A password or token, wrapped in {@link Secret} so it never prints (Appendix B). A numeric password
 * sent as a JSON number is accepted too.
 * @internal
 */
export const SecretLike: LenientType<Secret> = primitive(
  'secret string',
  (u): u is Secret => u instanceof Secret,
  (u) => {
    if (typeof u === 'string') return new Secret(u);
    if (u instanceof Secret) return u;
    return typeof u === 'number' && Number.isFinite(u) ? new Secret(String(u)) : MISS;
  },
);

/**
 * A fixed `action` name; surrounding white space is tolerated and removed.
 * @internal
 */
export function actionLiteral<A extends string>(action: A): LenientType<A> {
  return primitive(
    JSON.stringify(action),
    (u): u is A => u === action,
    (u) => (u === action || (typeof u === 'string' && u.trim() === action) ? action : MISS),
  );
}

// ---------------------------------------------------------------------------------------------
// pinfoMap
// ---------------------------------------------------------------------------------------------

/** §9.15: the tables spell the key `CLICENT_LOGIN_TYPE`; the examples use `CLIENT_LOGIN_TYPE`. */
const PINFO_ALIASES: ReadonlyMap<string, string> = new Map([['CLICENT_LOGIN_TYPE', 'CLIENT_LOGIN_TYPE']]);

/** pinfoMap keys that need no renaming: not padded, not `__proto__`, not the typo spelling. */
const plainPinfoKeys = new KeyMemo((k) => isPlainKey(k) && !PINFO_ALIASES.has(k));

function isStringMap(u: unknown): u is Record<string, string> {
  if (!isRecord(u)) return false;
  for (const k in u) if (typeof u[k] !== 'string') return false;
  return true;
}

/**
 * `pinfoMap` of §6.5/§6.11: an open string→string map. Keys are trimmed and the table's typo
 * spelling renamed; numbers and booleans become strings; null, object and array values are
 * dropped rather than failing the participant (§6.5 "never drop a participant because an unknown
 * key or value appears"). A map that is already clean is returned as is, not copied.
 * @internal
 */
export const PinfoMapLike: LenientType<Readonly<Record<string, string>>> = new LenientType(
  'pinfoMap (string map)',
  isStringMap,
  (u, c) => (isRecord(u) ? t.success(normalisePinfoMap(u)) : t.failure(u, c)),
  (u) => {
    if (!isRecord(u)) return MISS;
    return plainPinfoKeys.every(u, true) ? (u as Record<string, string>) : MISS;
  },
  'object',
);

function normalisePinfoMap(u: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: unknown): void => {
    const name = PINFO_ALIASES.get(key) ?? key;
    if (name === '__proto__' || hasOwn.call(out, name)) return;
    if (typeof value === 'string') out[name] = value;
    else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
      out[name] = String(value);
    }
  };
  // Exact spellings first, so `CLIENT_LOGIN_TYPE` beats `CLICENT_LOGIN_TYPE` and `NAME` beats `"NAME "`.
  const keys = Object.keys(u);
  for (const k of keys) if (!needsTrim(k) && !PINFO_ALIASES.has(k)) put(k, u[k]);
  for (const k of keys) if (!needsTrim(k) && PINFO_ALIASES.has(k)) put(k, u[k]);
  for (const k of keys) if (needsTrim(k)) put(k.trim(), u[k]);
  return out;
}
