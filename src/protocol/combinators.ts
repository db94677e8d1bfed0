/**
 * Liberal object and array codecs built on {@link LenientType}.
 *
 * Each combinator has two paths that must give equal results:
 * - `fast`: for input already in its documented form (no alternate spellings, no padded keys);
 *   converts documented quirks (ms strings, metric strings) and reuses input objects it would
 *   otherwise copy unchanged. Returns MISS at the first thing it does not handle.
 * - `validate` (io-ts): applies every rule of Appendix B and reports failures with their path.
 * @module
 */

import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { findKey, hasKey, isRecord, LenientType, MISS, type Miss, needsTrim } from './lenient.js';

/**
 * How one output field is read from the wire.
 * @internal
 */
export interface FieldSpec<A> {
  readonly codec: LenientType<A>;
  /**
   * Wire names tried in order, each exactly and then trimmed; the first is the documented one,
   * the rest are alternate spellings from §9. Default: the output name alone.
   */
  readonly keys?: readonly string[];
  /** Missing (or null) is a failure. */
  readonly required?: boolean;
  /** The value used when the field is missing or null (otherwise the field is left out). */
  readonly fallback?: () => A;
}

/** The named (non-index-signature) keys of `T`. @internal */
export type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};

/** One {@link FieldSpec} for every named field of the clean type `A`. @internal */
export type FieldsOf<A> = { readonly [K in KnownKeys<A>]-?: FieldSpec<Exclude<A[K], undefined>> };

/** How {@link lenientObject} treats keys no field claims. @internal */
export interface ObjectOptions {
  /**
   * `keep`: unknown keys are copied (with trimmed names) — for contract types with an index
   * signature. `drop`: the output has only the named fields.
   */
  readonly unknownKeys: 'keep' | 'drop';
  /** Wire keys that belong to someone else and are never copied (the envelope, for §6.3/§6.4). */
  readonly exclude?: readonly string[];
  /**
   * The fast path's copy of the input without the `exclude` keys (written with rest destructuring,
   * which is much faster than a generic loop). Required with `exclude`.
   */
  readonly omit?: (u: Record<string, unknown>) => Record<string, unknown>;
}

/** The io-ts error message that marks a required field as absent (the reporter words it). @internal */
export const MISSING = 'missing';

interface FieldEntry {
  readonly out: string;
  readonly wire: string;
  readonly names: readonly string[];
  readonly spec: FieldSpec<unknown>;
}

/**
 * A liberal object codec producing the clean type `A` (see the module comment for the two paths).
 * @internal
 */
export function lenientObject<A>(name: string, fields: FieldsOf<A>, options: ObjectOptions): LenientType<A> {
  const entries: FieldEntry[] = Object.entries(fields as Record<string, FieldSpec<unknown>>).map(
    ([out, spec]) => {
      const names = spec.keys ?? [out];
      return { out, wire: names[0] ?? out, names, spec };
    },
  );
  const known = new Set(entries.flatMap((e) => e.names));
  if ((options.exclude !== undefined) !== (options.omit !== undefined)) {
    throw new Error(`${name}: exclude and omit go together`);
  }
  if (options.unknownKeys === 'keep' && entries.some((e) => e.out !== e.wire)) {
    throw new Error(`${name}: only drop-mode objects may rename fields`);
  }
  const alternates = new Set(entries.flatMap((e) => e.names.slice(1)));
  const exclude = new Set(options.exclude ?? []);
  const keep = options.unknownKeys === 'keep';

  const byWire = new Map(entries.map((e, i) => [e.wire, { ...e, bit: 1 << i }]));
  if (entries.length > 31) throw new Error(`${name}: at most 31 fields`);
  const requiredMask = entries.reduce((m, e, i) => (e.spec.required === true ? m | (1 << i) : m), 0);
  const fallbacks = entries.flatMap((e, i) => (e.spec.fallback === undefined ? [] : [{ ...e, bit: 1 << i }]));
  const renames = entries.some((e) => e.out !== e.wire);
  const omit = options.omit;

  /**
   * One pass over the input's keys; converted values are collected as changes and applied to a
   * spread copy at the end, because V8 copies an object with `{...u}` far faster than it adds
   * properties one by one. Input that needs no change is returned as is.
   */
  const fast = (u: unknown): A | Miss => {
    if (!isRecord(u)) return MISS;
    // Pairs of (output key, converted value); allocated only when something changed.
    let changes: unknown[] | undefined;
    let seen = 0;
    let unknownKeys = 0;
    const keys = Object.keys(u);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const e = byWire.get(k);
      if (e === undefined) {
        // A padded key, an alternate spelling, or a key that cannot be copied safely: these
        // need the liberal path.
        if (needsTrim(k) || alternates.has(k) || (keep && k === '__proto__')) return MISS;
        unknownKeys++;
        continue;
      }
      const v = u[k];
      const r = v === null ? MISS : e.spec.codec.fast(v);
      if (r === MISS) return MISS;
      seen |= e.bit;
      if (r !== v) {
        changes ??= [];
        changes.push(e.out, r);
      }
    }
    if ((seen & requiredMask) !== requiredMask) return MISS;
    let adds = false;
    for (const e of fallbacks) {
      if ((seen & e.bit) !== 0) continue;
      changes ??= [];
      changes.push(e.out, (e.spec.fallback as () => unknown)());
      adds = true;
    }
    const exact = keep || unknownKeys === 0;
    if (changes === undefined && exact && omit === undefined && !renames) return u as A;
    let out: Record<string, unknown>;
    if (omit !== undefined) out = omit(u);
    else if (exact && !renames) {
      // `{...u}` is V8's fastest copy, but adding a key to such a clone of a JSON.parse object is
      // very slow; `Object.assign` builds through cached transitions, so new keys stay cheap.
      out = adds ? Object.assign({}, u) : { ...u };
    } else {
      // Rare here (unknown keys in a drop-mode object, or a renamed field): build field by field.
      out = {};
      for (const e of entries) if (hasKey(u, e.wire)) out[e.out] = u[e.wire];
    }
    if (changes !== undefined)
      for (let i = 0; i < changes.length; i += 2) out[changes[i] as string] = changes[i + 1];
    return out as A;
  };

  const validate: t.Validate<unknown, A> = (u, c) => {
    if (!isRecord(u)) return t.failure(u, c);
    const errors: t.ValidationError[] = [];
    const out: Record<string, unknown> = {};
    for (const e of entries) {
      const key = findKey(u, e.names);
      const v = key === undefined ? undefined : u[key];
      if (v === undefined || v === null) {
        if (e.spec.required) {
          errors.push({
            value: v,
            context: t.appendContext(c, key ?? e.wire, e.spec.codec, v),
            message: MISSING,
          });
        } else if (e.spec.fallback !== undefined) out[e.out] = e.spec.fallback();
        continue;
      }
      const r = e.spec.codec.validate(v, t.appendContext(c, key ?? e.wire, e.spec.codec, v));
      if (isLeft(r)) errors.push(...r.left);
      else out[e.out] = r.right;
    }
    if (errors.length > 0) return t.failures(errors);
    if (keep) copyUnknownKeys(u, out, known, exclude);
    return t.success(out as A);
  };

  const is = (u: unknown): u is A =>
    isRecord(u) &&
    entries.every((e) => {
      const v = u[e.out];
      return v === undefined ? !e.spec.required && e.spec.fallback === undefined : e.spec.codec.is(v);
    });

  return new LenientType<A>(name, is, validate, fast, 'object');
}

/**
 * Copies the keys no field claimed, trimmed; an exact spelling wins over a padded one, and keys
 * that are spellings of known or excluded fields (e.g. a second, alternate spelling) are dropped.
 */
function copyUnknownKeys(
  u: Record<string, unknown>,
  out: Record<string, unknown>,
  known: ReadonlySet<string>,
  exclude: ReadonlySet<string>,
): void {
  const keys = Object.keys(u);
  const copy = (k: string, name: string): void => {
    if (known.has(name) || exclude.has(name) || name === '__proto__' || hasKey(out, name)) return;
    out[name] = u[k];
  };
  for (const k of keys) if (!needsTrim(k)) copy(k, k);
  for (const k of keys) if (needsTrim(k)) copy(k, k.trim());
}

/**
 * A liberal array: every item through `item`. The fast path returns the input array itself when
 * no item changed.
 * @internal
 */
export function lenientArray<A>(item: LenientType<A>): LenientType<readonly A[]> {
  const fast = (u: unknown): readonly A[] | Miss => {
    if (!Array.isArray(u)) return MISS;
    let out: A[] | undefined;
    for (let i = 0; i < u.length; i++) {
      const v: unknown = u[i];
      const r = item.fast(v);
      if (r === MISS) return MISS;
      if (out !== undefined) out.push(r);
      else if (r !== v) {
        out = u.slice(0, i) as A[];
        out.push(r);
      }
    }
    return out ?? (u as A[]);
  };
  const validate: t.Validate<unknown, readonly A[]> = (u, c) => {
    if (!Array.isArray(u)) return t.failure(u, c);
    const errors: t.ValidationError[] = [];
    const out: A[] = [];
    for (let i = 0; i < u.length; i++) {
      const v: unknown = u[i];
      const r = item.validate(v, t.appendContext(c, String(i), item, v));
      if (isLeft(r)) errors.push(...r.left);
      else out.push(r.right);
    }
    return errors.length > 0 ? t.failures(errors) : t.success(out);
  };
  return new LenientType<readonly A[]>(
    `Array<${item.name}>`,
    (u): u is readonly A[] => Array.isArray(u) && u.every((v) => item.is(v)),
    validate,
    fast,
    'array',
  );
}

/**
 * Post-processes a decoded value (e.g. sorting). `f` must not mutate its argument, which may be
 * shared with the input.
 * @internal
 */
export function mapped<A, B>(
  codec: LenientType<A>,
  f: (a: A) => B,
  is: (u: unknown) => u is B,
): LenientType<B> {
  return new LenientType<B>(
    codec.name,
    is,
    (u, c) => {
      const r = codec.validate(u, c);
      return isLeft(r) ? r : t.success(f(r.right));
    },
    (u) => {
      const r = codec.fast(u);
      return r === MISS ? MISS : f(r);
    },
    codec.kind,
  );
}

/**
 * An object that may also arrive as JSON text of itself: §5.1 sends Subscribe `data` as a string,
 * and a server could answer in kind.
 * @internal
 */
export function objectOrJsonText<A>(codec: LenientType<A>): LenientType<A> {
  const parse = (u: unknown): unknown => {
    if (typeof u !== 'string') return u;
    try {
      return JSON.parse(u);
    } catch {
      return MISS;
    }
  };
  return new LenientType<A>(
    `${codec.name} (or its JSON text)`,
    codec.is,
    (u, c) => {
      const v = parse(u);
      return v === MISS ? t.failure(u, c, 'not valid JSON text') : codec.validate(v, c);
    },
    (u) => {
      const v = parse(u);
      return v === MISS ? MISS : codec.fast(v);
    },
    'object',
  );
}
