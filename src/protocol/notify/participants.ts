/**
 * ParticipantsNotify (§6.5): online participants, full or incremental.
 *
 * The most frequent push by far (every hand raised, every mute), and the largest (a full roster),
 * so besides the codec built from field specs it has a hand-written fast path; tests prove the two
 * agree.
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { envelopeWithData, notifyCodec } from '../envelope.js';
import { BinaryLike, LenientType, MISS, type Miss, needsTrim, PinfoMapLike, StringLike } from '../lenient.js';
import type { ParticipantItem, ParticipantsNotify } from '../messages.js';

/** One ParticipantNotifyDTO; an absent `pinfoMap` (usual on `mode: 1`) becomes `{}`. */
const ParticipantItemCodec: LenientType<ParticipantItem> = lenientObject<ParticipantItem>(
  'ParticipantNotifyDTO',
  {
    pid: { codec: StringLike, required: true },
    mode: { codec: BinaryLike, required: true },
    pinfoMap: { codec: PinfoMapLike, fallback: () => ({}) },
  },
  { unknownKeys: 'drop' },
);

/** The codec built from the field specs: the full decode, and the definition the fast path follows. */
const specCodec = notifyCodec<ParticipantsNotify>('ParticipantsNotify', {
  codec: lenientArray(ParticipantItemCodec),
  required: true,
});

// The converters' fast functions, read once rather than as a property per field.
const stringFast = StringLike.fast;
const binaryFast = BinaryLike.fast;
const pinfoMapFast = PinfoMapLike.fast;

/**
 * One item as {@link ParticipantItemCodec} reads it, or MISS. `pid` and `mode` under their exact
 * keys win over any padded spelling, so the item's other keys matter only when `pinfoMap` is
 * absent: then a padded `"pinfoMap "` would be read by the full decode, so any padded key misses.
 * The item is rebuilt rather than returned, which drops unknown keys without looking for them and
 * gives every item one shape.
 */
function participantItem(item: unknown): ParticipantItem | Miss {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return MISS;
  const o = item as Record<string, unknown>;
  let pid = o.pid;
  if (typeof pid !== 'string') {
    pid = stringFast(pid);
    if (pid === MISS) return MISS;
  }
  let mode = o.mode;
  if (mode !== 0 && mode !== 1) {
    mode = binaryFast(mode);
    if (mode === MISS) return MISS;
  }
  let pinfoMap = o.pinfoMap;
  if (pinfoMap === undefined) {
    for (const k in o) if (needsTrim(k)) return MISS;
    pinfoMap = {};
  } else {
    pinfoMap = pinfoMapFast(pinfoMap);
    if (pinfoMap === MISS) return MISS;
  }
  return { pid, mode, pinfoMap } as ParticipantItem;
}

/**
 * The fast path: a frame whose envelope and items are in their documented form gives the same
 * value as the full decode, without building per-key arrays or copies of the input; the input is
 * never changed (the items are new objects, `pinfoMap` objects are shared). MISS otherwise.
 * @internal
 */
export function participantsNotifyFast(u: unknown): ParticipantsNotify | Miss {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return MISS;
  const frame = u as Record<string, unknown>;
  const data = frame.data;
  if (!Array.isArray(data)) return MISS;
  const items: ParticipantItem[] = [];
  for (let i = 0; i < data.length; i++) {
    const item = participantItem(data[i]);
    if (item === MISS) return MISS;
    items.push(item);
  }
  return envelopeWithData<ParticipantsNotify>(frame, 'ParticipantsNotify', items);
}

/** ParticipantsNotify frame codec. @internal */
export const ParticipantsNotifyCodec: LenientType<ParticipantsNotify> = new LenientType<ParticipantsNotify>(
  specCodec.name,
  specCodec.is,
  specCodec.validate,
  participantsNotifyFast,
  'object',
);
