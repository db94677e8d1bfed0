/**
 * ConfDynamicInfoNotify (§6.4): meeting status, sent at the top level of the frame.
 * @module
 */
import { type FieldsOf, lenientArray, lenientObject } from '../combinators.js';
import { ENVELOPE_KEYS, omitEnvelope, ownedTopLevelFast, topLevelNotifyCodec } from '../envelope.js';
import { type LenientType, type Miss, NumberLike, StringLike } from '../lenient.js';
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

/** ConfDynamicInfoNotify's fast path for a parsed frame nobody else holds (see `ownedTopLevelFast`). @internal */
export const ConfDynamicInfoNotifyOwnedFast: (u: Record<string, unknown>) => ConfDynamicInfoNotify | Miss =
  ownedTopLevelFast<ConfDynamicInfoNotify>('ConfDynamicInfoNotify', fields);
