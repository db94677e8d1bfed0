/**
 * InviteResultNotify (§6.9): invitation results and leave reasons.
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { type LenientType, StringLike } from '../lenient.js';
import type { InviteResultItem, InviteResultNotify } from '../messages.js';

/** One InviteResultDTO. */
const InviteResultItemCodec: LenientType<InviteResultItem> = lenientObject<InviteResultItem>(
  'InviteResultDTO',
  {
    callNumber: { codec: StringLike, required: true },
    // §9.18: the example (and the simulator) send `resultCode`, the field table `errorCode`.
    resultCode: { codec: StringLike, required: true, keys: ['resultCode', 'errorCode'] },
  },
  { unknownKeys: 'drop' },
);

/** InviteResultNotify frame codec. @internal */
export const InviteResultNotifyCodec: LenientType<InviteResultNotify> = notifyCodec<InviteResultNotify>(
  'InviteResultNotify',
  { codec: lenientArray(InviteResultItemCodec), required: true },
);
