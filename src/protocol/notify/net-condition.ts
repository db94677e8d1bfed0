/**
 * NetConditionNotify (§6.8): media quality per participant in MCU meetings.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import type { NetConditionNotify } from '../messages.js';
import { BinaryLike, NumberLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

// §6.8: the metrics are decimal strings on the wire (except `bandwidth`); numbers here.
const metric = NumberLike;

/** One NetConditionNotifyDTO; unknown keys are kept (no `t.exact`). */
const NetConditionItemCodec = wireKeys(
  t.intersection(
    [
      t.type({ participantID: StringLike, mode: BinaryLike }),
      t.partial({
        netInfo: StringLike,
        lostPacketRate: metric,
        delay: metric,
        jitter: metric,
        fluxIn: metric,
        fluxOut: metric,
        audioOutLossPacketRate: metric,
        videoInLossPacketRate: metric,
        videoOutLossPacketRate: metric,
        assistVideoInLossPacketRate: metric,
        assistVideoOutLossPacketRate: metric,
        outJitter: metric,
        videoFluxIn: metric,
        videoFluxOut: metric,
        assistVideoFluxIn: metric,
        assistVideoFluxOut: metric,
        bandwidth: metric,
        audioCodecType: StringLike,
        videoCodecType: StringLike,
      }),
    ],
    'NetConditionNotifyDTO',
  ),
);

/** NetConditionNotify frame codec. @internal */
export const NetConditionNotifyCodec: t.Type<NetConditionNotify, unknown, unknown> =
  notifyCodec<NetConditionNotify>('NetConditionNotify', t.array(NetConditionItemCodec));
