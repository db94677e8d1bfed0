/**
 * Everything the terminal shows, as one immutable value, and the pure reducer that moves it on.
 */
import type { MeetingStatus } from '../../meeting/status.js';
import type { MeetingState } from '../../state/meeting-state.js';
import type { Roster } from '../../state/roster.js';
import type { ActiveSpeaker } from '../../state/speakers.js';
import type { Change, ChangeKind } from './changes.js';
import { meetingChanges, rosterChanges, speakerChanges, statusChanges } from './changes.js';

/** How many log entries are kept; the screen shows the newest that fit. */
export const LOG_LIMIT = 200;

/**
 * One line of the event log.
 * @internal
 */
export interface LogEntry {
  /** Counts up from 1, so a printer can tell which entries are new. */
  readonly seq: number;
  /** When the change was seen (ms since the epoch). */
  readonly atMs: number;
  readonly kind: ChangeKind;
  readonly text: string;
}

/**
 * What the views show.
 * @internal
 */
export interface ViewState {
  readonly conferenceId: string;
  /** `undefined` until the first basic or dynamic info push. */
  readonly meeting: MeetingState | undefined;
  readonly status: MeetingStatus;
  /** When `status` was entered: the reconnect countdown counts from here. */
  readonly statusSinceMs: number;
  /** `undefined` until the first participant list. */
  readonly roster: Roster | undefined;
  /** Loudest first; empty: nobody speaks. */
  readonly speakers: readonly ActiveSpeaker[];
  /** Oldest first, at most {@link LOG_LIMIT}. */
  readonly log: readonly LogEntry[];
  /** The `seq` of the next entry. */
  readonly nextSeq: number;
}

/**
 * One thing that happened, stamped with when it was seen.
 * @internal
 */
export type ViewInput =
  | { readonly kind: 'status'; readonly status: MeetingStatus; readonly atMs: number }
  | { readonly kind: 'roster'; readonly roster: Roster; readonly atMs: number }
  | { readonly kind: 'speakers'; readonly speakers: readonly ActiveSpeaker[]; readonly atMs: number }
  | { readonly kind: 'meeting'; readonly meeting: MeetingState; readonly atMs: number };

/**
 * Nothing known yet about the meeting `conferenceId`.
 * @internal
 */
export function initialViewState(conferenceId: string, nowMs: number): ViewState {
  return {
    conferenceId,
    meeting: undefined,
    status: { phase: 'idle' },
    statusSinceMs: nowMs,
    roster: undefined,
    speakers: [],
    log: [],
    nextSeq: 1,
  };
}

function withLog(state: ViewState, atMs: number, changes: readonly Change[]): ViewState {
  if (changes.length === 0) return state;
  const added = changes.map((change, i): LogEntry => ({ ...change, atMs, seq: state.nextSeq + i }));
  const log = [...state.log, ...added];
  return {
    ...state,
    log: log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log,
    nextSeq: state.nextSeq + added.length,
  };
}

/**
 * The state after `input`, with log entries for what changed.
 * @internal
 */
export function reduceView(state: ViewState, input: ViewInput): ViewState {
  switch (input.kind) {
    case 'status': {
      const changes = statusChanges(state.status, input.status);
      return withLog({ ...state, status: input.status, statusSinceMs: input.atMs }, input.atMs, changes);
    }
    case 'roster': {
      const changes = rosterChanges(state.roster, input.roster);
      return withLog({ ...state, roster: input.roster }, input.atMs, changes);
    }
    case 'speakers': {
      const changes = speakerChanges(state.speakers, input.speakers);
      return withLog({ ...state, speakers: input.speakers }, input.atMs, changes);
    }
    case 'meeting': {
      const changes = meetingChanges(state.meeting, input.meeting);
      return withLog({ ...state, meeting: input.meeting }, input.atMs, changes);
    }
  }
}
