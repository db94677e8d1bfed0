/**
 * ConfBasicInfoNotify (§6.3): basic meeting information, sent at the top level of the frame.
 * @module
 */
import * as t from 'io-ts';
import { ENVELOPE_KEYS, topLevelNotifyCodec } from '../envelope.js';
import { withFallback } from '../extra-codecs.js';
import type { ConfBasicInfoNotify } from '../messages.js';
import { BooleanLike, NumberLike, SecretLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** ConfPwdInfo: the password is wrapped in a Secret (Appendix B: never log `pwds[].pwd`). */
const ConfPasswordCodec = wireKeys(
  t.exact(t.type({ role: withFallback(StringLike, () => ''), pwd: SecretLike }), 'ConfPwdInfo'),
);

/** The payload fields, read from the top level of the frame; unknown keys are kept. */
const ConfBasicInfoCodec = wireKeys(
  t.partial(
    {
      displayID: StringLike,
      title: StringLike,
      // §6.3: ms as a decimal string on the wire; a number here.
      startTime: NumberLike,
      scheduledStartTime: NumberLike,
      pwds: t.array(ConfPasswordCodec),
      recType: NumberLike,
      media: NumberLike,
      owner: StringLike,
      ownerID: StringLike,
      userType: NumberLike,
      supportWatermark: NumberLike,
      guestJoinUri: StringLike,
      callInRestriction: NumberLike,
      confMode: StringLike,
      realTimeSubtitle: NumberLike,
      orgID: StringLike,
      webinar: BooleanLike,
      supportWaitingRoom: BooleanLike,
    },
    'ConfBasicInfo',
  ),
  { exclude: ENVELOPE_KEYS },
);

/** ConfBasicInfoNotify frame codec. @internal */
export const ConfBasicInfoNotifyCodec: t.Type<ConfBasicInfoNotify, unknown, unknown> =
  topLevelNotifyCodec<ConfBasicInfoNotify>('ConfBasicInfoNotify', ConfBasicInfoCodec);
