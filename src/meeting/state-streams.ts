/**
 * The Meeting's state streams (issue 7): the pure folds of src/state run once per meeting over the
 * raw push streams, shared by every subscriber and kept across reconnects (PROTOCOL.md §6.0, §6.5,
 * §6.6, §6.7, §6.11).
 */
import {
  defer,
  distinctUntilChanged,
  EMPTY,
  map,
  merge,
  type Observable,
  type SchedulerLike,
  scan,
  tap,
} from 'rxjs';
import type {
  AttendeesNotify,
  ConfBasicInfoNotify,
  ConfDynamicInfoNotify,
  ParticipantsNotify,
  SpeakerChangeNotify,
  WaitingListNotify,
} from '../protocol/messages.js';
import {
  type Attendees,
  type AttendeesUpdate,
  applyAttendees,
  initialAttendeesState,
} from '../state/attendees.js';
import { type HandsRaisedState, initialHandsRaised, updateHandsRaised } from '../state/hands.js';
import {
  applyMeetingInfo,
  initialMeetingInfoState,
  type MeetingInfoUpdate,
  type MeetingState,
} from '../state/meeting-state.js';
import { activeSpeakers, joinedParticipants, leftParticipants } from '../state/operators.js';
import type { Participant } from '../state/participant.js';
import { applyParticipants, initialRosterState, type Roster, type RosterUpdate } from '../state/roster.js';
import type { ActiveSpeaker } from '../state/speakers.js';
import {
  applyWaitingList,
  initialWaitingRoomState,
  type WaitingRoom,
  type WaitingRoomUpdate,
} from '../state/waiting-room.js';
import type { StateWarning } from '../state/warnings.js';
import { shareLatest } from './share-latest.js';
import type { ItemWarning } from './warnings.js';

/**
 * The state streams of a {@link Meeting}: the pushes folded once per meeting for all subscribers.
 * @category Meeting
 */
export interface MeetingStateStreams {
  /**
   * Everyone online now (§6.5), one immutable snapshot per change, folded from `participants$`:
   * full messages replace, incremental ones merge. Replays the latest. Kept across reconnects: the
   * fresh snapshot of a new socket is diffed against it, and an identical one emits nothing.
   */
  readonly roster$: Observable<Roster>;
  /**
   * A participant who arrived. Not fired for the first snapshot, nor by a resync (gap heal or
   * reconnect) for people held already. Someone who arrived while the client was disconnected is
   * reported when the reconnect's snapshot comes; someone who came and went during the outage is
   * never seen. Does not replay.
   */
  readonly joined$: Observable<Participant>;
  /** A participant who left, as last known. Same rules as `joined$`. Does not replay. */
  readonly left$: Observable<Participant>;
  /**
   * The current speakers (§6.7), loudest first, each resolved to the roster's participant where
   * possible; `[]` when nobody speaks. Replays the latest.
   */
  readonly activeSpeakers$: Observable<readonly ActiveSpeaker[]>;
  /** Participants with a raised hand, first raised first (§6.5 `HAND`). Replays the latest. */
  readonly handsRaised$: Observable<readonly Participant[]>;
  /** The waiting room (§6.11), folded like `roster$`. Replays the latest. */
  readonly waitingRoom$: Observable<WaitingRoom>;
  /**
   * The scheduled attendees (§6.6) folded from `attendees$` (which carries the raw messages).
   * Replays the latest.
   */
  readonly attendeeList$: Observable<Attendees>;
  /**
   * Basic and dynamic information merged into one typed object (§6.3, §6.4): title, state, lock,
   * recording, mute-all, … A new object per push. Replays the latest; the last value at the end of
   * a meeting has `state: 'ended'`.
   */
  readonly meetingState$: Observable<MeetingState>;
}

/** The raw streams and hooks the state streams are built from. */
export interface StateStreamSources {
  readonly participants$: Observable<ParticipantsNotify>;
  readonly waitingList$: Observable<WaitingListNotify>;
  readonly attendees$: Observable<AttendeesNotify>;
  readonly speakers$: Observable<SpeakerChangeNotify>;
  readonly confBasicInfo$: Observable<ConfBasicInfoNotify>;
  readonly confDynamicInfo$: Observable<ConfDynamicInfoNotify>;
  /**
   * A fold of `action` just started: if a socket is live, it needs a fresh full message to start
   * from (the raw streams do not replay list types).
   */
  readonly requestFull: (action: string) => void;
  /** Item problems found while folding (version problems are the socket guard's to report). */
  readonly warn: (warning: ItemWarning) => void;
  /** After the last subscriber leaves, a fold keeps running this long, ms. */
  readonly graceMs: number;
  readonly scheduler: SchedulerLike;
}

/** The roster fold and the raise order of hands, advanced together by one scan. */
interface RosterFold {
  readonly update: RosterUpdate;
  readonly hands: HandsRaisedState;
}

/**
 * The socket's version guard has already judged every push (§6.0), once, per socket; judging again
 * here with a memory that outlives the socket could drop the first pushes after a reconnect should
 * the server restart its counter (§9.5). So the folds are handed no previous version.
 */
const unversioned = { lastVersion: undefined } as const;

/** The "nothing happened yet" part of a list fold's seed. */
const NO_UPDATE = { events: [], warnings: [], full: false, changed: false } as const;

function isItemWarning(warning: StateWarning): warning is ItemWarning {
  return (
    warning.code === 'UNKNOWN_REMOVE' ||
    warning.code === 'UPDATE_UNKNOWN_WITHOUT_NAME' ||
    warning.code === 'ATTENDEE_WITHOUT_ID'
  );
}

/**
 * The state streams over `sources`, built at once (they share the roster fold); nothing is
 * subscribed until they are. A meeting builds them when one of them is first read.
 *
 * Each fold starts at its first subscriber (which subscribes the raw stream it needs, so its type
 * joins the Subscribe set), is shared by all, survives reconnects (a reconnect's snapshot is
 * diffed against what is held), and stops `graceMs` after its last subscriber leaves. State
 * streams replay their latest value; `joined$` and `left$` do not. Every stream completes when the
 * raw streams do (meeting ended, `close()`).
 */
export function createStateStreams(sources: StateStreamSources): MeetingStateStreams {
  const { requestFull, warn } = sources;
  const shareOptions = { graceMs: sources.graceMs, scheduler: sources.scheduler };

  /**
   * One shared fold of `source$`. With `needsFull`, it asks for a full message of that type once
   * it is subscribed (a live socket's list pushes are not replayed).
   */
  const sharedFold = <M, S>(
    source$: Observable<M>,
    seed: () => S,
    apply: (state: S, message: M) => S,
    warningsOf: (state: S) => readonly StateWarning[],
    needsFull?: string,
  ) => {
    const fold$ = defer(() =>
      source$.pipe(
        scan(apply, seed()),
        tap((state) => {
          for (const warning of warningsOf(state)) if (isItemWarning(warning)) warn(warning);
        }),
      ),
    );
    const requested$ = defer(() => {
      if (needsFull !== undefined) requestFull(needsFull);
      return EMPTY;
    });
    // The request goes after the subscription, so the raw stream's type is already wanted.
    return shareLatest(merge(fold$, requested$), shareOptions);
  };

  const rosterFold = sharedFold(
    sources.participants$,
    (): RosterFold => ({
      update: { ...initialRosterState(), ...NO_UPDATE },
      hands: initialHandsRaised(),
    }),
    (fold, message) => {
      const update = applyParticipants({ ...fold.update, ...unversioned }, message);
      return { update, hands: updateHandsRaised(fold.hands, update) };
    },
    (fold) => fold.update.warnings,
    'ParticipantsNotify',
  );
  const roster$ = rosterFold.latest$.pipe(
    map((fold) => fold.update.roster),
    distinctUntilChanged(),
  );
  const rosterUpdates$ = rosterFold.next$.pipe(map((fold) => fold.update));

  const waitingFold = sharedFold(
    sources.waitingList$,
    (): WaitingRoomUpdate => ({ ...initialWaitingRoomState(), ...NO_UPDATE }),
    (state, message) => applyWaitingList({ ...state, ...unversioned }, message),
    (state) => state.warnings,
    'WaitingListNotify',
  );

  const attendeeFold = sharedFold(
    sources.attendees$,
    (): AttendeesUpdate => ({ ...initialAttendeesState(), ...NO_UPDATE }),
    (state, message) => applyAttendees({ ...state, ...unversioned }, message),
    (state) => state.warnings,
    'AttendeesNotify',
  );

  // Basic and dynamic info are replayed by the raw streams, so this fold needs no resync to start.
  const meetingFold = sharedFold(
    merge(sources.confBasicInfo$, sources.confDynamicInfo$),
    (): MeetingInfoUpdate => ({ ...initialMeetingInfoState(), warnings: [], changed: false }),
    (state, message: ConfBasicInfoNotify | ConfDynamicInfoNotify) =>
      applyMeetingInfo({ ...state, lastBasicVersion: undefined, lastDynamicVersion: undefined }, message),
    () => [],
  );

  const speakersShared = shareLatest(sources.speakers$.pipe(activeSpeakers(roster$)), shareOptions);

  return {
    roster$,
    joined$: rosterUpdates$.pipe(joinedParticipants()),
    left$: rosterUpdates$.pipe(leftParticipants()),
    activeSpeakers$: speakersShared.latest$,
    handsRaised$: rosterFold.latest$.pipe(
      map((fold) => fold.hands.raised),
      distinctUntilChanged(),
    ),
    waitingRoom$: waitingFold.latest$.pipe(
      map((state) => state.waitingRoom),
      distinctUntilChanged(),
    ),
    attendeeList$: attendeeFold.latest$.pipe(
      map((state) => state.attendees),
      distinctUntilChanged(),
    ),
    meetingState$: meetingFold.latest$.pipe(
      map((state) => state.meeting),
      distinctUntilChanged(),
    ),
  };
}
