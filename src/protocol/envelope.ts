/**
 * The common push envelope (§6.0) and the two ways a push carries its payload: under `data`, or
 * spread over the top level next to the envelope (§6.3, §6.4).
 * @module
 */

import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type FieldSpec, type FieldsOf, lenientObject } from './combinators.js';
import {
  actionLiteral,
  BinaryLike,
  isRecord,
  LenientType,
  MISS,
  type Miss,
  NumberLike,
  StringLike,
} from './lenient.js';
import type { NotifyEnvelope } from './messages.js';

/** The envelope's wire keys; never copied into a top-level payload. @internal */
export const ENVELOPE_KEYS: readonly string[] = [
  'action',
  'version',
  'createTime',
  'msgID',
  'msgMode',
  'confID',
];

function envelopeFields<A extends string>(action: A): FieldsOf<NotifyEnvelope<A>> {
  return {
    action: { codec: actionLiteral(action), required: true },
    // §6.0/§9.21: Long in most types, String in RealTimeSubtitleNotify; both accepted everywhere.
    version: { codec: NumberLike, required: true },
    createTime: { codec: NumberLike, required: true },
    msgID: { codec: StringLike, fallback: () => '' },
    // Appendix B: anything but 0/1 is a decode failure, not a guess.
    msgMode: { codec: BinaryLike, required: true },
    confID: { codec: StringLike, required: true },
  };
}

/**
 * A push whose payload sits under one key (`data` on the wire, or an alternate such as
 * `interpreterGroups`, given through `data.keys`).
 * @internal
 */
export function notifyCodec<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  action: N['action'],
  data: FieldSpec<N['data']>,
): LenientType<N> {
  const fields = { ...envelopeFields(action), data } as unknown as FieldsOf<N>;
  return lenientObject<N>(action, fields, { unknownKeys: 'drop' });
}

/**
 * The top-level frame without its envelope keys: the fast path's copy for §6.3/§6.4 payloads.
 * Rest destructuring with literal keys is the fastest way V8 offers to copy all but a few keys.
 * @internal
 */
export function omitEnvelope(u: Record<string, unknown>): Record<string, unknown> {
  const { action: _a, version: _v, createTime: _c, msgID: _m, msgMode: _mm, confID: _cf, ...payload } = u;
  return payload;
}

/**
 * A push whose payload fields sit at the top level beside the envelope (§6.3, §6.4); they are
 * gathered under `data`. `payload` must be built with `exclude: ENVELOPE_KEYS, omit: omitEnvelope`.
 * @internal
 */
export function topLevelNotifyCodec<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  action: N['action'],
  payload: LenientType<N['data']>,
): LenientType<N> {
  const fields = envelopeFields(action);
  const envelope = lenientObject<NotifyEnvelope<N['action']>>(`${action} envelope`, fields, {
    unknownKeys: 'drop',
  });
  const join = (e: NotifyEnvelope<N['action']>, data: N['data']): N =>
    ({
      action: e.action,
      version: e.version,
      createTime: e.createTime,
      msgID: e.msgID,
      msgMode: e.msgMode,
      confID: e.confID,
      data,
    }) as N;
  // The payload's fast path checks every top-level key (padding, `__proto__`), so the envelope's
  // fast path only has to read its six fields.
  const envelopeFast = (u: Record<string, unknown>): NotifyEnvelope<N['action']> | Miss => {
    const act = fields.action.codec.fast(u.action);
    const version = NumberLike.fast(u.version);
    const createTime = NumberLike.fast(u.createTime);
    const msgID = u.msgID === undefined ? '' : StringLike.fast(u.msgID);
    const msgMode = BinaryLike.fast(u.msgMode);
    const confID = StringLike.fast(u.confID);
    if (act === MISS || version === MISS || createTime === MISS || msgID === MISS) return MISS;
    if (msgMode === MISS || confID === MISS) return MISS;
    return { action: act, version, createTime, msgID, msgMode, confID };
  };
  return new LenientType<N>(
    action,
    (u): u is N => envelope.is(u) && payload.is((u as { data?: unknown }).data),
    (u, c) => {
      const e = envelope.validate(u, c);
      const d = payload.validate(u, c);
      if (isLeft(e)) return isLeft(d) ? t.failures([...e.left, ...d.left]) : e;
      return isLeft(d) ? d : t.success(join(e.right, d.right));
    },
    (u) => {
      if (!isRecord(u)) return MISS;
      const d = payload.fast(u);
      if (d === MISS) return MISS;
      const e = envelopeFast(u);
      return e === MISS ? MISS : join(e, d);
    },
    'object',
  );
}
