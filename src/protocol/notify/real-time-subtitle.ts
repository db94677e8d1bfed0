/**
 * RealTimeSubtitleNotify (§6.10): live captions. `version`/`createTime` arrive as strings and some
 * keys with a trailing space (§9.22); the envelope's scalars and the key pre-pass absorb both.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import { withFallback } from '../extra-codecs.js';
import type { RealTimeSubtitleNotify } from '../messages.js';
import { BooleanLike, NumberLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

const SubtitleMsgCodec = wireKeys(
  t.exact(t.partial({ subtitleLang: StringLike, translateText: StringLike, id: StringLike }), 'Msg'),
);

/** SubtitleData (a single object, not an array). */
const SubtitleDataCodec = wireKeys(
  t.exact(
    t.intersection([
      t.type({ msgs: withFallback(t.array(SubtitleMsgCodec), () => []) }),
      t.partial({
        isFinal: BooleanLike,
        timestamp: NumberLike,
        beginTime: NumberLike,
        endTime: NumberLike,
        participantID: StringLike,
      }),
    ]),
    'SubtitleData',
  ),
);

/** RealTimeSubtitleNotify frame codec. @internal */
export const RealTimeSubtitleNotifyCodec: t.Type<RealTimeSubtitleNotify, unknown, unknown> =
  notifyCodec<RealTimeSubtitleNotify>('RealTimeSubtitleNotify', SubtitleDataCodec);
