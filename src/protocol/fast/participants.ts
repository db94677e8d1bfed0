/**
 * ParticipantsNotify's fast path (§6.5): the most frequent push by far (every hand raised, every
 * mute) and the largest (a full roster). Property tests prove it equal to the slow path's
 * `notify/participants.ts` wherever it does not return MISS.
 * @module
 */
import { isRecord, needsTrim } from '../keys.js';
import type { ParticipantItem, ParticipantsNotify } from '../messages.js';
import { isPlainPinfoKey } from '../pinfo-map.js';
import { binaryOf, MISS, type Miss, stringOf } from '../scalars.js';
import { envelopeWithData } from './envelope.js';

/**
 * A pinfoMap the slow path would decode to an equal object: every key plain, every value a string.
 * Such a map is shared with the input rather than copied.
 */
function isPlainPinfoMap(m: Record<string, unknown>): boolean {
  for (const k in m) if (typeof m[k] !== 'string' || !isPlainPinfoKey(k)) return false;
  return true;
}

/**
 * One item as the slow path reads it, or MISS. `pid` and `mode` under their exact keys win over any
 * padded spelling, so the item's other keys matter only when `pinfoMap` is absent: then a padded
 * `"pinfoMap "` would be read by the slow path, so any padded key misses. The item is rebuilt, which
 * drops unknown keys without looking for them and gives every item one shape.
 */
function participantItem(item: unknown): ParticipantItem | Miss {
  if (!isRecord(item)) return MISS;
  let pid = item.pid;
  if (typeof pid !== 'string') {
    pid = stringOf(pid);
    if (pid === MISS) return MISS;
  }
  let mode = item.mode;
  if (mode !== 0 && mode !== 1) {
    mode = binaryOf(mode);
    if (mode === MISS) return MISS;
  }
  let pinfoMap = item.pinfoMap;
  if (pinfoMap === undefined) {
    for (const k in item) if (needsTrim(k)) return MISS;
    pinfoMap = {};
  } else if (!isRecord(pinfoMap) || !isPlainPinfoMap(pinfoMap)) return MISS;
  return { pid, mode, pinfoMap } as ParticipantItem;
}

/**
 * The fast path: a frame whose envelope and items are in their documented form gives the slow
 * path's value without its per-object copies; MISS otherwise. Never changes `u` (items are new
 * objects, `pinfoMap` objects are shared).
 * @internal
 */
export function participantsNotifyFast(u: Record<string, unknown>): ParticipantsNotify | Miss {
  const data = u.data;
  if (!Array.isArray(data)) return MISS;
  const items: ParticipantItem[] = [];
  for (let i = 0; i < data.length; i++) {
    const item = participantItem(data[i]);
    if (item === MISS) return MISS;
    items.push(item);
  }
  return envelopeWithData<ParticipantsNotify>(u, 'ParticipantsNotify', items);
}
