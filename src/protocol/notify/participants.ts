/**
 * ParticipantsNotify (§6.5): online participants, full or incremental.
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { BinaryLike, type LenientType, PinfoMapLike, StringLike } from '../lenient.js';
import type { ParticipantItem, ParticipantsNotify } from '../messages.js';

/** One ParticipantNotifyDTO; an absent `pinfoMap` (usual on `mode: 1`) becomes `{}`. */
const ParticipantItemCodec: LenientType<ParticipantItem> = lenientObject<ParticipantItem>(
  'ParticipantNotifyDTO',
  {
    pid: { codec: StringLike, required: true },
    mode: { codec: BinaryLike, required: true },
    pinfoMap: { codec: PinfoMapLike, fallback: () => ({}) },
  },
  { unknownKeys: 'drop' },
);

/** ParticipantsNotify frame codec. @internal */
export const ParticipantsNotifyCodec: LenientType<ParticipantsNotify> = notifyCodec<ParticipantsNotify>(
  'ParticipantsNotify',
  { codec: lenientArray(ParticipantItemCodec), required: true },
);
