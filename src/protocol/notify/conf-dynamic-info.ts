/**
 * ConfDynamicInfoNotify (§6.4): meeting status, sent at the top level of the frame. The slow path's
 * codec; the hand-written fast path is `fast/conf-dynamic-info.ts`.
 * @module
 */
import * as t from 'io-ts';
import { ENVELOPE_KEYS, topLevelNotifyCodec } from '../envelope.js';
import { withFallback } from '../extra-codecs.js';
import type { ConfDynamicInfoNotify } from '../messages.js';
import { NumberLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** PicInfoNotify; unknown keys are kept (no `t.exact`). */
const PicInfoCodec = wireKeys(
  t.intersection(
    [
      t.type({ index: NumberLike, id: withFallback(t.array(StringLike), () => []) }),
      t.partial({ share: NumberLike }),
    ],
    'PicInfoNotify',
  ),
);

/** MultiPicInfoNotify; unknown keys are kept. */
const MultiPicCodec = wireKeys(
  t.intersection(
    [
      t.type({ picInfos: withFallback(t.array(PicInfoCodec), () => []) }),
      t.partial({ picNum: NumberLike, period: NumberLike }),
    ],
    'MultiPicInfoNotify',
  ),
);

/**
 * The §6.4 fields. Exported so that the fast path's tests can check it reads every one of them.
 * @internal
 */
export const confDynamicInfoProps = {
  state: StringLike,
  // §6.4: ms as a decimal string on the wire.
  endTime: NumberLike,
  mode: StringLike,
  vas: NumberLike,
  lock: NumberLike,
  mute: NumberLike,
  lockSharing: NumberLike,
  canUnmute: NumberLike,
  chairView: NumberLike,
  // §9.21: String in the table, a number in the example.
  picNum: NumberLike,
  partViewNum: NumberLike,
  maxPartViewNum: NumberLike,
  recState: NumberLike,
  multiPic: MultiPicCodec,
  confIMGroupId: StringLike,
  forbiddenChat: NumberLike,
  recOccurred: NumberLike,
  realTimeSubtitle: NumberLike,
  waitingRoomState: NumberLike,
} as const;

/** The payload fields, read from the top level of the frame; unknown keys are kept. */
const ConfDynamicInfoCodec = wireKeys(t.partial(confDynamicInfoProps, 'ConfDynamicInfo'), {
  exclude: ENVELOPE_KEYS,
});

/** ConfDynamicInfoNotify frame codec. @internal */
export const ConfDynamicInfoNotifyCodec: t.Type<ConfDynamicInfoNotify, unknown, unknown> =
  topLevelNotifyCodec<ConfDynamicInfoNotify>('ConfDynamicInfoNotify', ConfDynamicInfoCodec);
