/**
 * Replies to client frames: Subscribe (§6.1), HeartBeat (§6.2) and ConfControl (§5.3).
 * @module
 */
import { lenientObject, mapped, objectOrJsonText } from './combinators.js';
import { actionLiteral, isRecord, type LenientType, NumberLike, StringLike } from './lenient.js';
import type { ConfControlReply, HeartBeatReply, SubscribeReply } from './messages.js';

interface ReturnStatus {
  readonly returnCode?: number;
  readonly returnDesc?: string;
}

function returnStatus(returnCodeRequired: boolean, descKeys: readonly string[]): LenientType<ReturnStatus> {
  return objectOrJsonText(
    lenientObject<ReturnStatus>(
      'ReturnStatus',
      {
        returnCode: { codec: NumberLike, required: returnCodeRequired },
        returnDesc: { codec: StringLike, keys: descKeys },
      },
      { unknownKeys: 'drop' },
    ),
  );
}

interface SubscribeReplyWire {
  readonly action: 'Subscribe';
  readonly sequence?: string;
  readonly data: ReturnStatus;
}

const subscribeReplyWire = lenientObject<SubscribeReplyWire>(
  'Subscribe reply',
  {
    action: { codec: actionLiteral('Subscribe'), required: true },
    sequence: { codec: StringLike },
    // §6.1: the documented key has a trailing space; a corrected server would send `returnDesc`.
    data: { codec: returnStatus(true, ['returnDesc ', 'returnDesc']), required: true },
  },
  { unknownKeys: 'drop' },
);

function isSubscribeReply(u: unknown): u is SubscribeReply {
  return isRecord(u) && u.action === 'Subscribe' && typeof u.returnCode === 'number';
}

/** Subscribe reply codec: `data.returnCode` and `data."returnDesc "` are lifted to the top. @internal */
export const SubscribeReplyCodec: LenientType<SubscribeReply> = mapped(
  subscribeReplyWire,
  (w): SubscribeReply => {
    const reply: { -readonly [K in keyof SubscribeReply]: SubscribeReply[K] } = {
      action: 'Subscribe',
      returnCode: w.data.returnCode ?? 0,
    };
    if (w.sequence !== undefined) reply.sequence = w.sequence;
    if (w.data.returnDesc !== undefined) reply.returnDesc = w.data.returnDesc;
    return reply;
  },
  isSubscribeReply,
);

/** HeartBeat echo codec (§6.2): the request's `sequence`, sent back. @internal */
export const HeartBeatReplyCodec: LenientType<HeartBeatReply> = lenientObject<HeartBeatReply>(
  'HeartBeat reply',
  {
    action: { codec: actionLiteral('HeartBeat'), required: true },
    sequence: { codec: StringLike, required: true },
  },
  { unknownKeys: 'drop' },
);

interface ConfControlReplyWire {
  readonly action: 'ConfControl';
  readonly sequence?: string;
  readonly type?: string;
  readonly data?: ReturnStatus;
}

const confControlReplyWire = lenientObject<ConfControlReplyWire>(
  'ConfControl reply',
  {
    action: { codec: actionLiteral('ConfControl'), required: true },
    sequence: { codec: StringLike },
    type: { codec: StringLike },
    // §5.3: the (simulator's) reply spells it without the space.
    data: { codec: returnStatus(false, ['returnDesc', 'returnDesc ']) },
  },
  { unknownKeys: 'drop' },
);

function isConfControlReply(u: unknown): u is ConfControlReply {
  return isRecord(u) && u.action === 'ConfControl';
}

/** ConfControl reply codec (§5.3; undocumented, informational): `data` fields lifted to the top. @internal */
export const ConfControlReplyCodec: LenientType<ConfControlReply> = mapped(
  confControlReplyWire,
  (w): ConfControlReply => {
    const reply: { -readonly [K in keyof ConfControlReply]: ConfControlReply[K] } = { action: 'ConfControl' };
    if (w.sequence !== undefined) reply.sequence = w.sequence;
    if (w.type !== undefined) reply.type = w.type;
    if (w.data?.returnCode !== undefined) reply.returnCode = w.data.returnCode;
    if (w.data?.returnDesc !== undefined) reply.returnDesc = w.data.returnDesc;
    return reply;
  },
  isConfControlReply,
);
