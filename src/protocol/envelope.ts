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
  isPlainKey,
  isRecord,
  KeyMemo,
  LenientType,
  MISS,
  type Miss,
  NumberLike,
  needsTrim,
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

/** {@link ENVELOPE_KEYS} as a Set, for the one-pass fast paths. */
const ENVELOPE_SET: ReadonlySet<string> = new Set(ENVELOPE_KEYS);

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
      // The payload's fast path checks every top-level key (padding, `__proto__`), so the
      // envelope only has to read its six fields.
      const d = payload.fast(u);
      return d === MISS ? MISS : envelopeWithData<N>(u, action, d);
    },
    'object',
  );
}

// The converters' fast functions, read once rather than as a property per field.
const numberFast = NumberLike.fast;
const stringFast = StringLike.fast;
const binaryFast = BinaryLike.fast;

/**
 * Whether some own key of `u` has white space around it. Reached only when an envelope field is
 * absent, to rule out a padded spelling of it (which the full decode would read).
 */
function hasPaddedKey(u: Record<string, unknown>): boolean {
  for (const k in u) if (needsTrim(k)) return true;
  return false;
}

/**
 * The frame `{ action, version, createTime, msgID, msgMode, confID, data }` when `u`'s envelope
 * (§6.0) is in its documented form (`action` is `action`, padded or not; every field under its
 * exact key), or MISS. Equal to what the envelope's field specs give: the exact key wins over any
 * padded one, so the other keys of `u` only matter when `msgID` is absent. Every frame it builds
 * has the same shape, so code reading frames stays monomorphic. The one envelope reader of every
 * fast path.
 * @internal
 */
export function envelopeWithData<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  u: Record<string, unknown>,
  action: N['action'],
  data: N['data'],
): N | Miss {
  const raw = u.action;
  if (raw !== action && (typeof raw !== 'string' || raw.trim() !== action)) return MISS;
  let version = u.version;
  // `x - x === 0` is false for NaN and ±Infinity (JSON.parse gives Infinity for `1e400`).
  if (typeof version !== 'number' || version - version !== 0) {
    version = numberFast(version);
    if (version === MISS) return MISS;
  }
  let createTime = u.createTime;
  if (typeof createTime !== 'number' || createTime - createTime !== 0) {
    createTime = numberFast(createTime);
    if (createTime === MISS) return MISS;
  }
  let msgID = u.msgID;
  if (typeof msgID !== 'string') {
    if (msgID === undefined) {
      if (hasPaddedKey(u)) return MISS;
      msgID = '';
    } else {
      msgID = stringFast(msgID);
      if (msgID === MISS) return MISS;
    }
  }
  let msgMode = u.msgMode;
  if (msgMode !== 0 && msgMode !== 1) {
    msgMode = binaryFast(msgMode);
    if (msgMode === MISS) return MISS;
  }
  let confID = u.confID;
  if (typeof confID !== 'string') {
    confID = stringFast(confID);
    if (confID === MISS) return MISS;
  }
  return { action, version, createTime, msgID, msgMode, confID, data } as N;
}

/** Top-level keys known to be plain; see {@link KeyMemo}. */
const plainTopLevelKeys = new KeyMemo(isPlainKey);

/**
 * Whether every own key of `u` may stay as it is in a §6.3/§6.4 payload: none padded, none
 * `__proto__` (the full decode would rename or drop such keys, so a payload holding one cannot be
 * `u` itself). Status frames repeat one key sequence, which the memo recognises.
 * @internal
 */
export function cleanTopLevelKeys(u: Record<string, unknown>): boolean {
  return plainTopLevelKeys.every(u);
}

/**
 * Deletes the envelope keys from `u`, last first in the order the server sends them (§6.3, §6.4
 * examples: the envelope comes last, `action` at the very end). Deleting the last-added property
 * keeps V8's fast object layout; any other delete turns the object into a slow dictionary, so a
 * frame in another order still gives the same object, only slower to build and to read. (Finding
 * the actual order would cost more than the deletes.)
 * @internal
 */
export function deleteEnvelopeKeys(u: Record<string, unknown>): void {
  delete u.action;
  delete u.createTime;
  delete u.version;
  delete u.msgMode;
  delete u.msgID;
  delete u.confID;
}

/**
 * A fast path for a top-level push (§6.3, §6.4) whose parsed object nobody else holds: the frame
 * decoder parsed the text itself. The payload fields are not copied: the envelope keys are deleted
 * from the parsed object, converted fields are written back in place, and the object itself becomes
 * `data`. Everything is checked before anything is changed, so on MISS the input is untouched and
 * the full decode sees it as parsed. The result equals the codec's `fast`/`validate` result.
 *
 * Only for payloads whose fields are all optional, without fallbacks or alternate spellings (§6.3
 * and §6.4 fields are); anything else throws when the codec is built.
 * @internal
 */
export function ownedTopLevelFast<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  action: N['action'],
  payloadFields: FieldsOf<N['data']>,
): (u: Record<string, unknown>) => N | Miss {
  const specs = Object.entries(payloadFields as Record<string, FieldSpec<unknown>>);
  for (const [name, spec] of specs) {
    if (spec.required === true || spec.fallback !== undefined || spec.keys !== undefined) {
      throw new Error(`${action}: ${name} is not a plain optional field`);
    }
  }
  const converters = new Map(specs.map(([name, spec]) => [name, spec.codec.fast]));
  return (u) => {
    const keys = Object.keys(u);
    // Pairs of (key, converted value), applied only once the whole frame is known to fit.
    let changes: unknown[] | undefined;
    let trailingEnvelope = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const convert = converters.get(k);
      if (convert !== undefined) {
        trailingEnvelope = 0;
        const v = u[k];
        const r = v === null ? MISS : convert(v);
        if (r === MISS) return MISS;
        if (r !== v) {
          changes ??= [];
          changes.push(k, r);
        }
      } else if (ENVELOPE_SET.has(k)) trailingEnvelope++;
      else if (needsTrim(k) || k === '__proto__') return MISS;
      else trailingEnvelope = 0;
    }
    // Read before the envelope keys are deleted below; `u` itself becomes `data`.
    const frame = envelopeWithData<N>(u, action, u as N['data']);
    if (frame === MISS) return MISS;
    // Deleting the last-added properties in reverse order keeps V8's fast object layout; the
    // server sends the envelope last (§6.4 example), anything else still works, just slower.
    for (let i = keys.length - 1; i >= keys.length - trailingEnvelope; i--) delete u[keys[i] as string];
    if (trailingEnvelope < 6) for (const k of ENVELOPE_KEYS) delete u[k];
    if (changes !== undefined)
      for (let i = 0; i < changes.length; i += 2) u[changes[i] as string] = changes[i + 1];
    return frame;
  };
}
