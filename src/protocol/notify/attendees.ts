/**
 * AttendeesNotify (§6.6): the attendees invited when the meeting was scheduled.
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { BinaryLike, BooleanLike, type LenientType, NumberLike, StringLike } from '../lenient.js';
import type { AttendeeItem, AttendeesNotify } from '../messages.js';

/** One AttendeeNotifyDTO; unknown keys are kept. */
const AttendeeItemCodec: LenientType<AttendeeItem> = lenientObject<AttendeeItem>(
  'AttendeeNotifyDTO',
  {
    mode: { codec: BinaryLike, required: true },
    userUUID: { codec: StringLike },
    participantID: { codec: StringLike },
    phone: { codec: StringLike },
    name: { codec: StringLike },
    accountId: { codec: StringLike },
    role: { codec: NumberLike },
    email: { codec: StringLike },
    sms: { codec: StringLike },
    isMute: { codec: NumberLike },
    isAutoInvite: { codec: NumberLike },
    type: { codec: StringLike },
    address: { codec: StringLike },
    deptUUID: { codec: StringLike },
    deptName: { codec: StringLike },
    // §9.20: the example sends `orgID`, the table `orgId`.
    orgID: { codec: StringLike, keys: ['orgID', 'orgId'] },
    thirdAccount: { codec: StringLike },
    hidePhone: { codec: BooleanLike },
    isNotOverlayPidName: { codec: BooleanLike },
  },
  { unknownKeys: 'keep' },
);

/** AttendeesNotify frame codec. @internal */
export const AttendeesNotifyCodec: LenientType<AttendeesNotify> = notifyCodec<AttendeesNotify>(
  'AttendeesNotify',
  {
    codec: lenientArray(AttendeeItemCodec),
    required: true,
  },
);
