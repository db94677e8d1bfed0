/**
 * SpeakerChangeNotify (§6.7): the (up to three) loudest speakers.
 *
 * Sent every time the loudest voices change, so besides the codec built from field specs it has a
 * hand-written fast path; tests prove the two agree.
 * @module
 */
import { lenientArray, lenientObject, mapped } from '../combinators.js';
import { envelopeWithData, notifyCodec } from '../envelope.js';
import { LenientType, MISS, type Miss, NumberLike, needsTrim, StringLike } from '../lenient.js';
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

/** The codec built from the field specs: the full decode, and the definition the fast path follows. */
const specCodec = notifyCodec<SpeakerChangeNotify>('SpeakerChangeNotify', {
  codec: mapped(speakers, loudestFirst, speakers.is),
  fallback: () => [],
});

// The converters' fast functions, read once rather than as a property per field.
const numberFast = NumberLike.fast;
const stringFast = StringLike.fast;

/**
 * One item as {@link SpeakerItemCodec} reads it, or MISS. `pid` under its exact key wins over any
 * padded spelling; an absent optional field could be under a padded key the full decode would read,
 * so then any padded key misses. The item is rebuilt, which drops unknown keys without looking for
 * them; absent fields stay absent, as in the full decode.
 */
function speakerItem(item: unknown): SpeakerItem | Miss {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return MISS;
  const o = item as Record<string, unknown>;
  let pid = o.pid;
  if (typeof pid !== 'string') {
    pid = stringFast(pid);
    if (pid === MISS) return MISS;
  }
  let speakingVolume = o.speakingVolume;
  if (
    speakingVolume !== undefined &&
    (typeof speakingVolume !== 'number' || speakingVolume - speakingVolume !== 0)
  ) {
    speakingVolume = numberFast(speakingVolume);
    if (speakingVolume === MISS) return MISS;
  }
  let name = o.name;
  if (name !== undefined && typeof name !== 'string') {
    name = stringFast(name);
    if (name === MISS) return MISS;
  }
  if (speakingVolume !== undefined && name !== undefined) return { pid, speakingVolume, name } as SpeakerItem;
  for (const k in o) if (needsTrim(k)) return MISS;
  if (speakingVolume !== undefined) return { pid, speakingVolume } as SpeakerItem;
  return (name === undefined ? { pid } : { pid, name }) as SpeakerItem;
}

/**
 * The fast path: a frame whose envelope and items are in their documented form gives the same
 * value as the full decode (items loudest first), without per-key arrays or copies of the input;
 * the input is never changed. MISS otherwise.
 * @internal
 */
export function speakerChangeNotifyFast(u: unknown): SpeakerChangeNotify | Miss {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return MISS;
  const frame = u as Record<string, unknown>;
  const data = frame.data;
  if (data === undefined) {
    // Nobody speaks, unless a padded `"data "` holds the speakers.
    for (const k in frame) if (needsTrim(k)) return MISS;
    return envelopeWithData<SpeakerChangeNotify>(frame, 'SpeakerChangeNotify', []);
  }
  if (!Array.isArray(data)) return MISS;
  const items: SpeakerItem[] = [];
  for (let i = 0; i < data.length; i++) {
    const item = speakerItem(data[i]);
    if (item === MISS) return MISS;
    items.push(item);
  }
  return envelopeWithData<SpeakerChangeNotify>(frame, 'SpeakerChangeNotify', loudestFirst(items));
}

/** SpeakerChangeNotify frame codec; an absent `data` means nobody speaks (§6.7) and gives `[]`. @internal */
export const SpeakerChangeNotifyCodec: LenientType<SpeakerChangeNotify> =
  new LenientType<SpeakerChangeNotify>(
    specCodec.name,
    specCodec.is,
    specCodec.validate,
    speakerChangeNotifyFast,
    'object',
  );
