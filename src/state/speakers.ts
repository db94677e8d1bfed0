/**
 * Current speakers resolved against the roster (PROTOCOL.md §6.7).
 * @module
 */
import type { SpeakerChangeNotify } from '../protocol/messages.js';
import type { Participant } from './participant.js';
import type { Roster } from './roster.js';

/**
 * One current speaker.
 * @category State
 */
export interface ActiveSpeaker {
  readonly pid: string;
  /** `speakingVolume` (scale undocumented). */
  readonly volume: number | undefined;
  /** The roster's participant with this pid, when held. */
  readonly participant: Participant | undefined;
  /** The participant's name, else the name the push carried. */
  readonly name: string | undefined;
}

/**
 * The speakers of one SpeakerChangeNotify, loudest first (§6.7: the client sorts by
 * `speakingVolume`; a missing volume sorts last, ties keep the push's order), each resolved to the
 * roster's participant where possible. An empty push means nobody is speaking: `[]`.
 * @category State
 * @example
 * ```ts
 * resolveSpeakers(message, roster).map((s) => s.name ?? s.pid);
 * ```
 */
export function resolveSpeakers(message: SpeakerChangeNotify, roster: Roster): readonly ActiveSpeaker[] {
  const speakers = message.data.map((item): ActiveSpeaker => {
    const participant = roster.get(item.pid);
    return {
      pid: item.pid,
      volume: item.speakingVolume,
      participant,
      name: participant?.name ?? item.name,
    };
  });
  // Array.prototype.sort is stable (ES2019).
  return speakers.sort(
    (a, b) => (b.volume ?? Number.NEGATIVE_INFINITY) - (a.volume ?? Number.NEGATIVE_INFINITY),
  );
}
