/**
 * Replies to client frames: Subscribe (§6.1), HeartBeat (§6.2) and ConfControl (§5.3).
 * @module
 */
import * as t from 'io-ts';
import { jsonText, mapDecoded } from './extra-codecs.js';
import { isRecord } from './keys.js';
import type { ConfControlReply, HeartBeatReply, SubscribeReply } from './messages.js';
import { actionLiteral, NumberLike, StringLike } from './scalars.js';
import { wireKeys } from './wire-keys.js';

/** §6.1: the documented key has a trailing space; a corrected server would send `returnDesc`. */
const SubscribeStatus = jsonText(
  wireKeys(
    t.exact(
      t.intersection([t.type({ returnCode: NumberLike }), t.partial({ returnDesc: StringLike })]),
      'ReturnStatus',
    ),
    { keys: { returnDesc: ['returnDesc ', 'returnDesc'] } },
  ),
);

const SubscribeReplyWire = wireKeys(
  t.exact(
    t.intersection([
      t.type({ action: actionLiteral('Subscribe') }),
      t.partial({ sequence: StringLike }),
      t.type({ data: SubscribeStatus }),
    ]),
    'Subscribe reply',
  ),
);

function isSubscribeReply(u: unknown): u is SubscribeReply {
  return isRecord(u) && u.action === 'Subscribe' && typeof u.returnCode === 'number';
}

/** Subscribe reply codec: `data.returnCode` and `data."returnDesc "` are lifted to the top. @internal */
export const SubscribeReplyCodec: t.Type<SubscribeReply, unknown, unknown> = mapDecoded(
  SubscribeReplyWire,
  (w): SubscribeReply => {
    const reply: { -readonly [K in keyof SubscribeReply]: SubscribeReply[K] } = {
      action: 'Subscribe',
      returnCode: w.data.returnCode,
    };
    if (w.sequence !== undefined) reply.sequence = w.sequence;
    if (w.data.returnDesc !== undefined) reply.returnDesc = w.data.returnDesc;
    return reply;
  },
  isSubscribeReply,
);

/** HeartBeat echo codec (§6.2): the request's `sequence`, sent back. @internal */
export const HeartBeatReplyCodec: t.Type<HeartBeatReply, unknown, unknown> = wireKeys(
  t.exact(t.type({ action: actionLiteral('HeartBeat'), sequence: StringLike }), 'HeartBeat reply'),
);

/** §5.3: the (simulator's) reply spells it without the space. */
const ConfControlStatus = jsonText(
  wireKeys(t.exact(t.partial({ returnCode: NumberLike, returnDesc: StringLike }), 'ReturnStatus'), {
    keys: { returnDesc: ['returnDesc', 'returnDesc '] },
  }),
);

const ConfControlReplyWire = wireKeys(
  t.exact(
    t.intersection([
      t.type({ action: actionLiteral('ConfControl') }),
      t.partial({ sequence: StringLike, type: StringLike, data: ConfControlStatus }),
    ]),
    'ConfControl reply',
  ),
);

function isConfControlReply(u: unknown): u is ConfControlReply {
  return isRecord(u) && u.action === 'ConfControl';
}

/** ConfControl reply codec (§5.3; undocumented, informational): `data` fields lifted to the top. @internal */
export const ConfControlReplyCodec: t.Type<ConfControlReply, unknown, unknown> = mapDecoded(
  ConfControlReplyWire,
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
