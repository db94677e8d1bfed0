/**
 * ConfBasicInfoNotify (§6.3): basic meeting information, sent at the top level of the frame.
 * @module
 */
import { type FieldsOf, lenientArray, lenientObject } from '../combinators.js';
import { ENVELOPE_KEYS, omitEnvelope, ownedTopLevelFast, topLevelNotifyCodec } from '../envelope.js';
import { BooleanLike, type LenientType, type Miss, NumberLike, SecretLike, StringLike } from '../lenient.js';
import type { ConfBasicInfo, ConfBasicInfoNotify, ConfPassword } from '../messages.js';

/** ConfPwdInfo: the password is wrapped in a Secret (Appendix B: never log `pwds[].pwd`). */
const confPassword = lenientObject<ConfPassword>(
  'ConfPwdInfo',
  {
    role: { codec: StringLike, fallback: () => '' },
    pwd: { codec: SecretLike, required: true },
  },
  { unknownKeys: 'drop' },
);

const fields: FieldsOf<ConfBasicInfo> = {
  displayID: { codec: StringLike },
  title: { codec: StringLike },
  // §6.3: ms as a decimal string on the wire; a number here.
  startTime: { codec: NumberLike },
  scheduledStartTime: { codec: NumberLike },
  pwds: { codec: lenientArray(confPassword) },
  recType: { codec: NumberLike },
  media: { codec: NumberLike },
  owner: { codec: StringLike },
  ownerID: { codec: StringLike },
  userType: { codec: NumberLike },
  supportWatermark: { codec: NumberLike },
  guestJoinUri: { codec: StringLike },
  callInRestriction: { codec: NumberLike },
  confMode: { codec: StringLike },
  realTimeSubtitle: { codec: NumberLike },
  orgID: { codec: StringLike },
  webinar: { codec: BooleanLike },
  supportWaitingRoom: { codec: BooleanLike },
};

/** The payload fields, read from the top level of the frame. */
const ConfBasicInfoCodec: LenientType<ConfBasicInfo> = lenientObject<ConfBasicInfo>('ConfBasicInfo', fields, {
  unknownKeys: 'keep',
  exclude: ENVELOPE_KEYS,
  omit: omitEnvelope,
});

/** ConfBasicInfoNotify frame codec. @internal */
export const ConfBasicInfoNotifyCodec: LenientType<ConfBasicInfoNotify> =
  topLevelNotifyCodec<ConfBasicInfoNotify>('ConfBasicInfoNotify', ConfBasicInfoCodec);

/** ConfBasicInfoNotify's fast path for a parsed frame nobody else holds (see `ownedTopLevelFast`). @internal */
export const ConfBasicInfoNotifyOwnedFast: (u: Record<string, unknown>) => ConfBasicInfoNotify | Miss =
  ownedTopLevelFast<ConfBasicInfoNotify>('ConfBasicInfoNotify', fields);
