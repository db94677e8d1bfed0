/**
 * The slow path's push codecs: the common envelope (§6.0) with the payload under `data`, or spread
 * over the top level next to the envelope (§6.3, §6.4) and gathered under `data`.
 * @module
 */
import { isLeft, left } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { withFallback } from './extra-codecs.js';
import { isRecord } from './keys.js';
import type { NotifyEnvelope } from './messages.js';
import { actionLiteral, BinaryLike, NumberLike, StringLike } from './scalars.js';
import { type WireKeyOptions, wireKeys } from './wire-keys.js';

/** The envelope's wire keys; never copied into a top-level payload (§6.3, §6.4). @internal */
export const ENVELOPE_KEYS: readonly string[] = [
  'action',
  'version',
  'createTime',
  'msgID',
  'msgMode',
  'confID',
];

/** The envelope's fields, in wire order (the first failing one names the error). */
function envelopeProps<A extends string>(action: A) {
  return {
    action: actionLiteral(action),
    // §6.0/§9.21: Long in most types, String in RealTimeSubtitleNotify; both accepted everywhere.
    version: NumberLike,
    createTime: NumberLike,
    msgID: withFallback(StringLike, () => ''),
    // Appendix B: anything but 0/1 is a decode failure, not a guess.
    msgMode: BinaryLike,
    confID: StringLike,
  };
}

/**
 * A push whose payload sits under `data` (or, through `options.keys.data`, an alternate such as
 * §6.12's `interpreterGroups`). Keys that are neither envelope nor `data` are dropped.
 * @internal
 */
export function notifyCodec<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  action: N['action'],
  data: t.Mixed & t.Decoder<unknown, N['data']>,
  options: WireKeyOptions = {},
): t.Type<N, unknown, unknown> {
  const codec = t.exact(t.type({ ...envelopeProps(action), data }), action);
  // `data`'s type is checked by the parameter; TypeScript cannot see that the envelope fits any `N`.
  return wireKeys(codec, options) as unknown as t.Type<N, unknown, unknown>;
}

/**
 * A push whose payload fields sit at the top level beside the envelope (§6.3, §6.4): the frame
 * itself is read as `data` by `payload`, which must exclude {@link ENVELOPE_KEYS}. Errors in the
 * payload name its fields without a `data.` prefix, as they stand on the wire (`pwds[1].pwd`).
 * @internal
 */
export function topLevelNotifyCodec<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  action: N['action'],
  payload: t.Mixed & t.Decoder<unknown, N['data']>,
): t.Type<N, unknown, unknown> {
  const frame = notifyCodec<N>(action, payload);
  return new t.Type<N, unknown, unknown>(
    action,
    frame.is,
    (u, c) => {
      if (!isRecord(u)) return frame.validate(u, c);
      // A wire key `data` stays in the frame that `payload` reads, where it is an unknown key.
      const r = frame.validate({ ...u, data: u }, c);
      if (!isLeft(r)) return r;
      const depth = c.length;
      return left(
        r.left.map((e) => {
          const entry = e.context[depth];
          if (entry === undefined || entry.key !== 'data' || entry.type !== payload) return e;
          return { ...e, context: [...e.context.slice(0, depth), ...e.context.slice(depth + 1)] };
        }),
      );
    },
    t.identity,
  );
}
