/**
 * ParticipantsNotify (§6.5): online participants, full or incremental. The slow path's codec; the
 * hand-written fast path is `fast/participants.ts`.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import { withFallback } from '../extra-codecs.js';
import type { ParticipantsNotify } from '../messages.js';
import { PinfoMap } from '../pinfo-map.js';
import { BinaryLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** One ParticipantNotifyDTO; an absent `pinfoMap` (usual on `mode: 1`) becomes `{}`. */
const ParticipantItemCodec = wireKeys(
  t.exact(
    t.type({ pid: StringLike, mode: BinaryLike, pinfoMap: withFallback(PinfoMap, () => ({})) }),
    'ParticipantNotifyDTO',
  ),
);

/** ParticipantsNotify frame codec. @internal */
export const ParticipantsNotifyCodec: t.Type<ParticipantsNotify, unknown, unknown> =
  notifyCodec<ParticipantsNotify>('ParticipantsNotify', t.array(ParticipantItemCodec));
