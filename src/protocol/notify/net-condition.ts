/**
 * NetConditionNotify (§6.8): media quality per participant in MCU meetings.
 * @module
 */
import { type FieldsOf, lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { BinaryLike, type LenientType, NumberLike, StringLike } from '../lenient.js';
import type { NetConditionItem, NetConditionNotify } from '../messages.js';

// §6.8: the metrics are decimal strings on the wire (except `bandwidth`); numbers here.
const metric = { codec: NumberLike } as const;

const fields: FieldsOf<NetConditionItem> = {
  participantID: { codec: StringLike, required: true },
  mode: { codec: BinaryLike, required: true },
  netInfo: { codec: StringLike },
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
  audioCodecType: { codec: StringLike },
  videoCodecType: { codec: StringLike },
};

/** One NetConditionNotifyDTO; unknown keys are kept. */
const NetConditionItemCodec: LenientType<NetConditionItem> = lenientObject<NetConditionItem>(
  'NetConditionNotifyDTO',
  fields,
  { unknownKeys: 'keep' },
);

/** NetConditionNotify frame codec. @internal */
export const NetConditionNotifyCodec: LenientType<NetConditionNotify> = notifyCodec<NetConditionNotify>(
  'NetConditionNotify',
  { codec: lenientArray(NetConditionItemCodec), required: true },
);
