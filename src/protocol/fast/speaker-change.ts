/**
 * SpeakerChangeNotify's fast path (§6.7): sent every time the loudest voices change. Property tests
 * prove it equal to the slow path's `notify/speaker-change.ts` wherever it does not return MISS.
 * @module
 */
import { isRecord, needsTrim } from '../keys.js';
import type { SpeakerChangeNotify, SpeakerItem } from '../messages.js';
import { loudestFirst } from '../notify/speaker-change.js';
import { MISS, type Miss, numberOf, stringOf } from '../scalars.js';
import { envelopeWithData } from './envelope.js';

/** Whether some own key of `o` has white space around it (the slow path would read it). */
function hasPaddedKey(o: Record<string, unknown>): boolean {
  for (const k in o) if (needsTrim(k)) return true;
  return false;
}

/**
 * One item as the slow path reads it, or MISS. `pid` under its exact key wins over any padded
 * spelling; an absent optional field could be under a padded key the slow path would read, so then
 * any padded key misses. The item is rebuilt, which drops unknown keys without looking for them;
 * absent fields stay absent, as in the slow path.
 */
function speakerItem(item: unknown): SpeakerItem | Miss {
  if (!isRecord(item)) return MISS;
  let pid = item.pid;
  if (typeof pid !== 'string') {
    pid = stringOf(pid);
    if (pid === MISS) return MISS;
  }
  let speakingVolume = item.speakingVolume;
  if (
    speakingVolume !== undefined &&
    (typeof speakingVolume !== 'number' || speakingVolume - speakingVolume !== 0)
  ) {
    speakingVolume = numberOf(speakingVolume);
    if (speakingVolume === MISS) return MISS;
  }
  let name = item.name;
  if (name !== undefined && typeof name !== 'string') {
    name = stringOf(name);
    if (name === MISS) return MISS;
  }
  if (speakingVolume !== undefined && name !== undefined) return { pid, speakingVolume, name } as SpeakerItem;
  if (hasPaddedKey(item)) return MISS;
  if (speakingVolume !== undefined) return { pid, speakingVolume } as SpeakerItem;
  return (name === undefined ? { pid } : { pid, name }) as SpeakerItem;
}

/**
 * The fast path: a frame whose envelope and items are in their documented form gives the slow
 * path's value (items loudest first, the same post-processing step); MISS otherwise. Never
 * changes `u`.
 * @internal
 */
export function speakerChangeNotifyFast(u: Record<string, unknown>): SpeakerChangeNotify | Miss {
  const data = u.data;
  // §6.7: no `data` means nobody speaks, unless a padded `"data "` holds the speakers.
  if (data === undefined) {
    return hasPaddedKey(u) ? MISS : envelopeWithData<SpeakerChangeNotify>(u, 'SpeakerChangeNotify', []);
  }
  if (!Array.isArray(data)) return MISS;
  const items: SpeakerItem[] = [];
  for (let i = 0; i < data.length; i++) {
    const item = speakerItem(data[i]);
    if (item === MISS) return MISS;
    items.push(item);
  }
  return envelopeWithData<SpeakerChangeNotify>(u, 'SpeakerChangeNotify', loudestFirst(items));
}
