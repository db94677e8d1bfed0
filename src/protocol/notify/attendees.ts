/**
 * AttendeesNotify (§6.6): the attendees invited when the meeting was scheduled.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import type { AttendeesNotify } from '../messages.js';
import { BinaryLike, BooleanLike, NumberLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** One AttendeeNotifyDTO; unknown keys are kept (no `t.exact`). */
const AttendeeItemCodec = wireKeys(
  t.intersection(
    [
      t.type({ mode: BinaryLike }),
      t.partial({
        userUUID: StringLike,
        participantID: StringLike,
        phone: StringLike,
        name: StringLike,
        accountId: StringLike,
        role: NumberLike,
        email: StringLike,
        sms: StringLike,
        isMute: NumberLike,
        isAutoInvite: NumberLike,
        type: StringLike,
        address: StringLike,
        deptUUID: StringLike,
        deptName: StringLike,
        orgID: StringLike,
        thirdAccount: StringLike,
        hidePhone: BooleanLike,
        isNotOverlayPidName: BooleanLike,
      }),
    ],
    'AttendeeNotifyDTO',
  ),
  // §9.20: the example sends `orgID`, the table `orgId`.
  { keys: { orgID: ['orgID', 'orgId'] } },
);

/** AttendeesNotify frame codec. @internal */
export const AttendeesNotifyCodec: t.Type<AttendeesNotify, unknown, unknown> = notifyCodec<AttendeesNotify>(
  'AttendeesNotify',
  t.array(AttendeeItemCodec),
);
