/**
 * WaitingListNotify (§6.11): waiting-room members, full or incremental.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import { withFallback } from '../extra-codecs.js';
import type { WaitingListNotify } from '../messages.js';
import { PinfoMap } from '../pinfo-map.js';
import { BinaryLike, NumberLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** One WaitingListNotifyDTO; an absent `pinfoMap` becomes `{}`. Members in wire order. */
const WaitingListItemCodec = wireKeys(
  t.exact(
    t.intersection([
      t.type({ pid: StringLike, mode: BinaryLike }),
      t.partial({ delType: NumberLike }),
      t.type({ pinfoMap: withFallback(PinfoMap, () => ({})) }),
    ]),
    'WaitingListNotifyDTO',
  ),
);

/** WaitingListNotify frame codec. @internal */
export const WaitingListNotifyCodec: t.Type<WaitingListNotify, unknown, unknown> =
  notifyCodec<WaitingListNotify>('WaitingListNotify', t.array(WaitingListItemCodec));
