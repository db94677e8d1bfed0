/**
 * ConfDynamicInfoNotify (§6.4): meeting status, sent at the top level of the frame.
 *
 * Sent in full on every status change, so besides the codecs built from field specs it has a
 * hand-written fast path for a frame nobody else holds; tests prove the two agree.
 * @module
 */
import { type FieldsOf, lenientArray, lenientObject } from '../combinators.js';
import {
  cleanTopLevelKeys,
  deleteEnvelopeKeys,
  ENVELOPE_KEYS,
  envelopeWithData,
  omitEnvelope,
  topLevelNotifyCodec,
} from '../envelope.js';
import {
  isPlainKey,
  KeyMemo,
  type LenientType,
  MISS,
  type Miss,
  NumberLike,
  StringLike,
} from '../lenient.js';
import type { ConfDynamicInfo, ConfDynamicInfoNotify, MultiPicInfo, PicInfo } from '../messages.js';

const picInfo = lenientObject<PicInfo>(
  'PicInfoNotify',
  {
    index: { codec: NumberLike, required: true },
    id: { codec: lenientArray(StringLike), fallback: () => [] },
    share: { codec: NumberLike },
  },
  { unknownKeys: 'keep' },
);

const multiPic = lenientObject<MultiPicInfo>(
  'MultiPicInfoNotify',
  {
    picInfos: { codec: lenientArray(picInfo), fallback: () => [] },
    picNum: { codec: NumberLike },
    period: { codec: NumberLike },
  },
  { unknownKeys: 'keep' },
);

const fields: FieldsOf<ConfDynamicInfo> = {
  state: { codec: StringLike },
  // §6.4: ms as a decimal string on the wire.
  endTime: { codec: NumberLike },
  mode: { codec: StringLike },
  vas: { codec: NumberLike },
  lock: { codec: NumberLike },
  mute: { codec: NumberLike },
  lockSharing: { codec: NumberLike },
  canUnmute: { codec: NumberLike },
  chairView: { codec: NumberLike },
  // §9.21: String in the table, a number in the example.
  picNum: { codec: NumberLike },
  partViewNum: { codec: NumberLike },
  maxPartViewNum: { codec: NumberLike },
  recState: { codec: NumberLike },
  multiPic: { codec: multiPic },
  confIMGroupId: { codec: StringLike },
  forbiddenChat: { codec: NumberLike },
  recOccurred: { codec: NumberLike },
  realTimeSubtitle: { codec: NumberLike },
  waitingRoomState: { codec: NumberLike },
};

/** The payload fields, read from the top level of the frame. */
const ConfDynamicInfoCodec: LenientType<ConfDynamicInfo> = lenientObject<ConfDynamicInfo>(
  'ConfDynamicInfo',
  fields,
  { unknownKeys: 'keep', exclude: ENVELOPE_KEYS, omit: omitEnvelope },
);

/** ConfDynamicInfoNotify frame codec. @internal */
export const ConfDynamicInfoNotifyCodec: LenientType<ConfDynamicInfoNotify> =
  topLevelNotifyCodec<ConfDynamicInfoNotify>('ConfDynamicInfoNotify', ConfDynamicInfoCodec);

// The converters' fast functions, read once rather than as a property per field.
const numberFast = NumberLike.fast;
const stringFast = StringLike.fast;
const multiPicFast = multiPic.fast;

/**
 * Converted values found while checking a frame, as (key, value) pairs in `pending[0…pendingEnd)`,
 * written back only once the whole frame is known to fit. One array for all frames: decoding is
 * synchronous. An end index rather than `length = 0`, which is a call into the runtime.
 */
const pending: unknown[] = [];
let pendingEnd = 0;

function queue(key: string, value: unknown): void {
  pending[pendingEnd++] = key;
  pending[pendingEnd++] = value;
}

/** Absent or a finite number: a NumberLike field that needs nothing done. */
function plainNumber(v: unknown): boolean {
  return v === undefined || (typeof v === 'number' && v - v === 0);
}

/** Absent or a string: a StringLike field that needs nothing done. */
function plainString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

/** A NumberLike field that is not plain: converted and queued, or false for MISS. */
function convertNumber(key: string, v: unknown): boolean {
  const r = numberFast(v);
  if (r === MISS) return false;
  queue(key, r);
  return true;
}

/** A StringLike field that is not plain, as {@link convertNumber}. */
function convertString(key: string, v: unknown): boolean {
  const r = stringFast(v);
  if (r === MISS) return false;
  queue(key, r);
  return true;
}

/** `multiPic` and PicInfoNotify keys known to be plain, one memo each; see {@link KeyMemo}. */
const plainMultiPicKeys = new KeyMemo(isPlainKey);
const plainPicInfoKeys = new KeyMemo(isPlainKey);

/**
 * A PicInfoNotify that the spec codec would return unchanged: finite `index`, `id` an array of
 * strings, `share` absent or finite, keys kept as they are.
 */
function plainPicInfo(u: unknown): boolean {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const p = u as Record<string, unknown>;
  const index = p.index;
  if (typeof index !== 'number' || index - index !== 0 || !plainNumber(p.share)) return false;
  const id = p.id;
  if (!Array.isArray(id)) return false;
  for (let i = 0; i < id.length; i++) if (typeof id[i] !== 'string') return false;
  return plainPicInfoKeys.every(p);
}

/**
 * `multiPic` as the spec codec reads it: the object itself when it is already in its documented
 * form (the usual case), else the spec codec's own fast path (which copies and converts), or MISS.
 */
function readMultiPic(u: unknown): MultiPicInfo | Miss {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return MISS;
  const m = u as Record<string, unknown>;
  const infos = m.picInfos;
  if (Array.isArray(infos) && plainNumber(m.picNum) && plainNumber(m.period) && plainMultiPicKeys.every(m)) {
    let plain = true;
    for (let i = 0; i < infos.length && plain; i++) plain = plainPicInfo(infos[i]);
    if (plain) return m as MultiPicInfo;
  }
  return multiPicFast(u);
}

/** `multiPic`: absent, as it is, or converted (queued); false for MISS. */
function multiPicField(v: unknown): boolean {
  if (v === undefined) return true;
  const r = readMultiPic(v);
  if (r === MISS) return false;
  if (r !== v) queue('multiPic', r);
  return true;
}

/**
 * Every field of {@link fields}, read by name (a named read costs about a nanosecond; a loop over
 * the names as computed keys costs twenty times that); the plain checks are small enough to be
 * inlined, the conversions are calls. A field left out here would be kept unconverted as an
 * unknown key, which the fast-path tests catch.
 */
function statusFieldsFit(u: Record<string, unknown>): boolean {
  return (
    (plainString(u.state) || convertString('state', u.state)) &&
    (plainNumber(u.endTime) || convertNumber('endTime', u.endTime)) &&
    (plainString(u.mode) || convertString('mode', u.mode)) &&
    (plainNumber(u.vas) || convertNumber('vas', u.vas)) &&
    (plainNumber(u.lock) || convertNumber('lock', u.lock)) &&
    (plainNumber(u.mute) || convertNumber('mute', u.mute)) &&
    (plainNumber(u.lockSharing) || convertNumber('lockSharing', u.lockSharing)) &&
    (plainNumber(u.canUnmute) || convertNumber('canUnmute', u.canUnmute)) &&
    (plainNumber(u.chairView) || convertNumber('chairView', u.chairView)) &&
    (plainNumber(u.picNum) || convertNumber('picNum', u.picNum)) &&
    (plainNumber(u.partViewNum) || convertNumber('partViewNum', u.partViewNum)) &&
    (plainNumber(u.maxPartViewNum) || convertNumber('maxPartViewNum', u.maxPartViewNum)) &&
    (plainNumber(u.recState) || convertNumber('recState', u.recState)) &&
    multiPicField(u.multiPic) &&
    (plainString(u.confIMGroupId) || convertString('confIMGroupId', u.confIMGroupId)) &&
    (plainNumber(u.forbiddenChat) || convertNumber('forbiddenChat', u.forbiddenChat)) &&
    (plainNumber(u.recOccurred) || convertNumber('recOccurred', u.recOccurred)) &&
    (plainNumber(u.realTimeSubtitle) || convertNumber('realTimeSubtitle', u.realTimeSubtitle)) &&
    (plainNumber(u.waitingRoomState) || convertNumber('waitingRoomState', u.waitingRoomState))
  );
}

/**
 * ConfDynamicInfoNotify's fast path for a parsed frame nobody else holds: the payload is not
 * copied; the envelope keys are deleted from the parsed object, converted fields written back, and
 * the object itself becomes `data`. Everything is checked before anything is changed, so on MISS the
 * input is as it was. The result equals the codec's.
 * @internal
 */
export function ConfDynamicInfoNotifyOwnedFast(u: Record<string, unknown>): ConfDynamicInfoNotify | Miss {
  if (!cleanTopLevelKeys(u)) return MISS;
  pendingEnd = 0;
  if (!statusFieldsFit(u)) return MISS;
  const frame = envelopeWithData<ConfDynamicInfoNotify>(u, 'ConfDynamicInfoNotify', u as ConfDynamicInfo);
  if (frame === MISS) return MISS;
  deleteEnvelopeKeys(u);
  for (let i = 0; i < pendingEnd; i += 2) {
    u[pending[i] as string] = pending[i + 1];
    pending[i + 1] = undefined; // not kept alive until the next frame
  }
  return frame;
}
