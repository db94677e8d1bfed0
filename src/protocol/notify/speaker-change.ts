/**
 * SpeakerChangeNotify (§6.7): the (up to three) loudest speakers.
 * @module
 */
import { lenientArray, lenientObject, mapped } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { type LenientType, NumberLike, StringLike } from '../lenient.js';
import type { SpeakerChangeNotify, SpeakerItem } from '../messages.js';

/** One SpeakerNotifyDTO. @internal */
export const SpeakerItemCodec: LenientType<SpeakerItem> = lenientObject<SpeakerItem>(
  'SpeakerNotifyDTO',
  {
    pid: { codec: StringLike, required: true },
    speakingVolume: { codec: NumberLike },
    name: { codec: StringLike },
  },
  { unknownKeys: 'drop' },
);

/** §6.7: order is undocumented, so the client sorts loudest first; no volume sorts last. */
function loudestFirst(items: readonly SpeakerItem[]): readonly SpeakerItem[] {
  if (items.length < 2) return items;
  const volume = (s: SpeakerItem): number => s.speakingVolume ?? Number.NEGATIVE_INFINITY;
  return [...items].sort((a, b) => volume(b) - volume(a));
}

const speakers = lenientArray(SpeakerItemCodec);

/** SpeakerChangeNotify frame codec; an absent `data` means nobody speaks (§6.7) and gives `[]`. @internal */
export const SpeakerChangeNotifyCodec: LenientType<SpeakerChangeNotify> = notifyCodec<SpeakerChangeNotify>(
  'SpeakerChangeNotify',
  { codec: mapped(speakers, loudestFirst, speakers.is), fallback: () => [] },
);
