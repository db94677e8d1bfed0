/** Builders of view states for the renderer and reducer tests. */

import {
  initialViewState,
  reduceView,
  type ViewInput,
  type ViewState,
} from '../../../src/cli/view/view-state.js';
import type { MeetingStatus } from '../../../src/meeting/status.js';
import { type MeetingState, mergeMeetingState } from '../../../src/state/meeting-state.js';
import { createParticipant, type Participant } from '../../../src/state/participant.js';
import type { Roster } from '../../../src/state/roster.js';
import type { ActiveSpeaker } from '../../../src/state/speakers.js';

export const T0 = 1_767_258_000_000;

/** A participant with a full pinfoMap; `extra` overrides keys. */
export function person(pid: string, name: string, extra: Record<string, string> = {}): Participant {
  return createParticipant(pid, {
    NAME: name,
    ROLE: '0',
    STATE: '0',
    MUTE: '0',
    VIDEO: '0',
    HAND: '0',
    SHARE: '0',
    ADDTIME: String(T0),
    ...extra,
  });
}

export function rosterOf(...people: Participant[]): Roster {
  return new Map(people.map((p) => [p.pid, p]));
}

export function speaker(p: Participant, volume: number): ActiveSpeaker {
  return { pid: p.pid, volume, participant: p, name: p.name };
}

export function meetingInfo(
  overrides: { title?: string; recording?: boolean; locked?: boolean; startMs?: number } = {},
): MeetingState {
  return mergeMeetingState(
    { title: overrides.title ?? 'Quarterly planning sync', startTime: overrides.startMs ?? T0 - 754_000 },
    {
      state: 'Created',
      recState: overrides.recording === true ? 1 : 0,
      lock: overrides.locked === true ? 1 : 0,
    },
  );
}

/** Folds `inputs` from a fresh state of conference 913570246. */
export function stateAfter(...inputs: ViewInput[]): ViewState {
  return inputs.reduce(reduceView, initialViewState('913570246', T0));
}

export const at = (atMs: number) => ({
  status: (status: MeetingStatus): ViewInput => ({ kind: 'status', status, atMs }),
  roster: (roster: Roster): ViewInput => ({ kind: 'roster', roster, atMs }),
  speakers: (speakers: readonly ActiveSpeaker[]): ViewInput => ({ kind: 'speakers', speakers, atMs }),
  meeting: (meeting: MeetingState): ViewInput => ({ kind: 'meeting', meeting, atMs }),
});
