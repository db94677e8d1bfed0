/**
 * WaitingListNotify (§6.11): waiting-room members, full or incremental.
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { BinaryLike, type LenientType, NumberLike, PinfoMapLike, StringLike } from '../lenient.js';
import type { WaitingListItem, WaitingListNotify } from '../messages.js';

/** One WaitingListNotifyDTO; an absent `pinfoMap` becomes `{}`. */
const WaitingListItemCodec: LenientType<WaitingListItem> = lenientObject<WaitingListItem>(
  'WaitingListNotifyDTO',
  {
    pid: { codec: StringLike, required: true },
    mode: { codec: BinaryLike, required: true },
    delType: { codec: NumberLike },
    pinfoMap: { codec: PinfoMapLike, fallback: () => ({}) },
  },
  { unknownKeys: 'drop' },
);

/** WaitingListNotify frame codec. @internal */
export const WaitingListNotifyCodec: LenientType<WaitingListNotify> = notifyCodec<WaitingListNotify>(
  'WaitingListNotify',
  { codec: lenientArray(WaitingListItemCodec), required: true },
);
