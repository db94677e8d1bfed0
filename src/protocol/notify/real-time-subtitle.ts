/**
 * RealTimeSubtitleNotify (§6.10): live captions. `version`/`createTime` arrive as strings and some
 * keys with a trailing space (§9.22); the envelope codec and key lookup absorb both.
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { BooleanLike, type LenientType, NumberLike, StringLike } from '../lenient.js';
import type { RealTimeSubtitleNotify, SubtitleData, SubtitleMsg } from '../messages.js';

const subtitleMsg = lenientObject<SubtitleMsg>(
  'Msg',
  {
    subtitleLang: { codec: StringLike },
    translateText: { codec: StringLike },
    id: { codec: StringLike },
  },
  { unknownKeys: 'drop' },
);

/** SubtitleData (a single object, not an array). */
const SubtitleDataCodec: LenientType<SubtitleData> = lenientObject<SubtitleData>(
  'SubtitleData',
  {
    msgs: { codec: lenientArray(subtitleMsg), fallback: () => [] },
    isFinal: { codec: BooleanLike },
    timestamp: { codec: NumberLike },
    beginTime: { codec: NumberLike },
    endTime: { codec: NumberLike },
    participantID: { codec: StringLike },
  },
  { unknownKeys: 'drop' },
);

/** RealTimeSubtitleNotify frame codec. @internal */
export const RealTimeSubtitleNotifyCodec: LenientType<RealTimeSubtitleNotify> =
  notifyCodec<RealTimeSubtitleNotify>('RealTimeSubtitleNotify', { codec: SubtitleDataCodec, required: true });
