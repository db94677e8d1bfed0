/**
 * SpeakerChangeNotify (§6.7): the (up to three) loudest speakers.
 * @module
 */
import { lenientArray, lenientObject, mapped } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { type LenientType, NumberLike, StringLike } from '../lenient.js';
import type { SpeakerChangeNotify, SpeakerItem } from '../messages.js';

/** One SpeakerNotifyDTO. */
const SpeakerItemCodec: LenientType<SpeakerItem> = lenientObject<SpeakerItem>(
  'SpeakerNotifyDTO',
  {
    pid: { codec: StringLike, required: true },
    speakingVolume: { codec: NumberLike },
    name: { codec: StringLike },
  },
  { unknownKeys: 'drop' },
);

const volume = (s: SpeakerItem): number => s.speakingVolume ?? Number.NEGATIVE_INFINITY;
const byVolumeDescending = (a: SpeakerItem, b: SpeakerItem): number => volume(b) - volume(a);

/**
 * §6.7: order is undocumented, so the client sorts loudest first; no volume sorts last. A list
 * already in that order (the usual case) is returned as is, without a copy. The sort is stable, so
 * equal volumes keep their order either way.
 */
function loudestFirst(items: readonly SpeakerItem[]): readonly SpeakerItem[] {
  for (let i = 1; i < items.length; i++) {
    if (byVolumeDescending(items[i - 1] as SpeakerItem, items[i] as SpeakerItem) > 0) {
      return [...items].sort(byVolumeDescending);
    }
  }
  return items;
}

const speakers = lenientArray(SpeakerItemCodec);

/** SpeakerChangeNotify frame codec; an absent `data` means nobody speaks (§6.7) and gives `[]`. @internal */
export const SpeakerChangeNotifyCodec: LenientType<SpeakerChangeNotify> = notifyCodec<SpeakerChangeNotify>(
  'SpeakerChangeNotify',
  { codec: mapped(speakers, loudestFirst, speakers.is), fallback: () => [] },
);
