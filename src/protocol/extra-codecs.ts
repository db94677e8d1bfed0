/**
 * Three small combinators io-ts lacks: a default for an absent field, an object that may arrive as
 * its own JSON text, and a post-processing step. Each keeps the name of the codec it wraps, so error
 * messages read as they would without it.
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/**
 * `codec`, with `fallback()` in place of an absent field (the key pre-pass turns `null` into
 * absent too). Put it in a `t.type`, so the field is always there once decoded.
 * @internal
 */
export function withFallback<C extends t.Mixed>(
  codec: C,
  fallback: () => t.TypeOf<C>,
): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    (u): u is t.TypeOf<C> => codec.is(u),
    (u, c) => (u === undefined ? t.success(fallback()) : codec.validate(u, c)),
    codec.encode,
  );
}

/**
 * An object that may also arrive as JSON text of itself: §5.1 sends Subscribe `data` as a string
 * (§9.1), and a server could answer in kind.
 * @internal
 */
export function jsonText<C extends t.Mixed>(codec: C): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    `${codec.name} (or its JSON text)`,
    (u): u is t.TypeOf<C> => codec.is(u),
    (u, c) => {
      if (typeof u !== 'string') return codec.validate(u, c);
      let parsed: unknown;
      try {
        parsed = JSON.parse(u);
      } catch {
        return t.failure(u, c, 'not valid JSON text');
      }
      return codec.validate(parsed, c);
    },
    codec.encode,
  );
}

/**
 * `codec`, its result passed through `f` (e.g. sorting, or lifting `data` fields to the top). `f`
 * must not mutate its argument, which may share objects with the input.
 * @internal
 */
export function mapDecoded<C extends t.Mixed, B>(
  codec: C,
  f: (a: t.TypeOf<C>) => B,
  is: (u: unknown) => u is B,
): t.Type<B, B, unknown> {
  return new t.Type<B, B, unknown>(
    codec.name,
    is,
    (u, c) => {
      const r = codec.validate(u, c);
      return isLeft(r) ? r : t.success(f(r.right));
    },
    t.identity,
  );
}
