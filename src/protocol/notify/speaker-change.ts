/**
 * SpeakerChangeNotify (§6.7): the (up to three) loudest speakers. The slow path's codec; the
 * hand-written fast path is `fast/speaker-change.ts`.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import { mapDecoded, withFallback } from '../extra-codecs.js';
import type { SpeakerChangeNotify, SpeakerItem } from '../messages.js';
import { NumberLike, StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** One SpeakerNotifyDTO; unknown keys are dropped. */
const SpeakerItemCodec = wireKeys(
  t.exact(
    t.intersection([
      t.type({ pid: StringLike }),
      t.partial({ speakingVolume: NumberLike, name: StringLike }),
    ]),
    'SpeakerNotifyDTO',
  ),
);

const volume = (s: SpeakerItem): number => s.speakingVolume ?? Number.NEGATIVE_INFINITY;
const byVolumeDescending = (a: SpeakerItem, b: SpeakerItem): number => volume(b) - volume(a);

/**
 * §6.7: order is undocumented, so the client sorts loudest first; no volume sorts last. A list
 * already in that order (the usual case) is returned as is, without a copy. The sort is stable, so
 * equal volumes keep their order either way. Never changes `items`.
 * @internal
 */
export function loudestFirst(items: readonly SpeakerItem[]): readonly SpeakerItem[] {
  for (let i = 1; i < items.length; i++) {
    if (byVolumeDescending(items[i - 1] as SpeakerItem, items[i] as SpeakerItem) > 0) {
      return [...items].sort(byVolumeDescending);
    }
  }
  return items;
}

const speakers = t.array(SpeakerItemCodec);

/** SpeakerChangeNotify frame codec; an absent `data` means nobody speaks (§6.7) and gives `[]`. @internal */
export const SpeakerChangeNotifyCodec: t.Type<SpeakerChangeNotify, unknown, unknown> =
  notifyCodec<SpeakerChangeNotify>(
    'SpeakerChangeNotify',
    withFallback(mapDecoded(speakers, loudestFirst, speakers.is), () => []),
  );
