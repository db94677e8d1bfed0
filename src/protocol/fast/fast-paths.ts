/**
 * Which actions have a hand-written fast path: the hot ones (§6.5 ParticipantsNotify, §6.4
 * ConfDynamicInfoNotify, §6.7 SpeakerChangeNotify). Every other action takes the slow path only.
 * @module
 */
import type { ServerFrame } from '../messages.js';
import type { Miss } from '../scalars.js';
import { confDynamicInfoNotifyFast } from './conf-dynamic-info.js';
import { participantsNotifyFast } from './participants.js';
import { speakerChangeNotifyFast } from './speaker-change.js';

/**
 * A fast path: the frame, or MISS for "take the slow path". It may take apart `u`, which must be a
 * freshly parsed object nobody else holds; on MISS it leaves `u` as it was.
 * @internal
 */
export type FastPath = (u: Record<string, unknown>) => ServerFrame | Miss;

/**
 * The fast path for an `action` sent exactly as documented, if it has one. Comparisons rather than
 * a Map: the action is a fresh string every frame, which a lookup must hash, while a comparison with
 * a constant of another length fails at once.
 * @internal
 */
export function fastPathOf(action: string): FastPath | undefined {
  if (action === 'ParticipantsNotify') return participantsNotifyFast;
  if (action === 'ConfDynamicInfoNotify') return confDynamicInfoNotifyFast;
  if (action === 'SpeakerChangeNotify') return speakerChangeNotifyFast;
  return undefined;
}
