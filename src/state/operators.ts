/**
 * RxJS operators wrapping the pure folds, for wiring into the Meeting object. Each keeps its state
 * in a `scan` per subscription, nothing shared.
 * @module
 */
import type { Observable, OperatorFunction } from 'rxjs';
import { defer, distinctUntilChanged, filter, map, mergeMap, scan, startWith, withLatestFrom } from 'rxjs';
import type {
  AttendeesNotify,
  ConfBasicInfoNotify,
  ConfDynamicInfoNotify,
  ParticipantsNotify,
  SpeakerChangeNotify,
  WaitingListNotify,
} from '../protocol/messages.js';
import type { AttendeesState, AttendeesUpdate } from './attendees.js';
import { applyAttendees, initialAttendeesState } from './attendees.js';
import { initialHandsRaised, updateHandsRaised } from './hands.js';
import type { MeetingInfoState, MeetingInfoUpdate } from './meeting-state.js';
import { applyMeetingInfo, initialMeetingInfoState } from './meeting-state.js';
import type { Participant } from './participant.js';
import { PersistentMap } from './persistent-map.js';
import type { Roster, RosterEvent, RosterState, RosterUpdate } from './roster.js';
import { applyParticipants, initialRosterState } from './roster.js';
import type { ActiveSpeaker } from './speakers.js';
import { resolveSpeakers } from './speakers.js';
import type { WaitingRoomState, WaitingRoomUpdate } from './waiting-room.js';
import { applyWaitingList, initialWaitingRoomState } from './waiting-room.js';
import type { StateWarning } from './warnings.js';

/** `scan` from a seed made per subscription (so no two subscriptions share a lineage). */
function foldFrom<M, S, U extends S>(
  apply: (state: S, message: M) => U,
  seed: () => S,
): OperatorFunction<M, U> {
  return (source) =>
    defer(() => source.pipe(scan((state: S, message: M) => apply(state, message), seed()))) as Observable<U>;
}

/**
 * Folds ParticipantsNotify pushes into roster updates (`applyParticipants`), one per message.
 * @category State operators
 * @example
 * ```ts
 * const roster$ = participants$.pipe(foldRoster(), filter((u) => u.changed), map((u) => u.roster), shareReplay(1));
 * ```
 */
export function foldRoster(initial?: RosterState): OperatorFunction<ParticipantsNotify, RosterUpdate> {
  return foldFrom(applyParticipants, () => initial ?? initialRosterState());
}

/**
 * Folds WaitingListNotify pushes (`applyWaitingList`).
 * @category State operators
 */
export function foldWaitingRoom(
  initial?: WaitingRoomState,
): OperatorFunction<WaitingListNotify, WaitingRoomUpdate> {
  return foldFrom(applyWaitingList, () => initial ?? initialWaitingRoomState());
}

/**
 * Folds AttendeesNotify pushes (`applyAttendees`).
 * @category State operators
 */
export function foldAttendees(initial?: AttendeesState): OperatorFunction<AttendeesNotify, AttendeesUpdate> {
  return foldFrom(applyAttendees, () => initial ?? initialAttendeesState());
}

/**
 * Folds basic and dynamic info pushes into one typed meeting state (`applyMeetingInfo`).
 * @category State operators
 */
export function foldMeetingState(
  initial?: MeetingInfoState,
): OperatorFunction<ConfBasicInfoNotify | ConfDynamicInfoNotify, MeetingInfoUpdate> {
  return foldFrom(applyMeetingInfo, () => initial ?? initialMeetingInfoState());
}

/**
 * The events of each update, one by one, optionally only some types.
 * @category State operators
 * @example
 * ```ts
 * updates$.pipe(rosterEvents('joined', 'left')).subscribe((e) => console.log(e.type, e.pid));
 * ```
 */
export function rosterEvents<T extends RosterEvent['type']>(
  ...types: T[]
): OperatorFunction<Pick<RosterUpdate, 'events'>, Extract<RosterEvent, { type: T }>> {
  const wanted = new Set<string>(types);
  return mergeMap((update) =>
    types.length === 0 ? update.events : update.events.filter((event) => wanted.has(event.type)),
  ) as OperatorFunction<Pick<RosterUpdate, 'events'>, Extract<RosterEvent, { type: T }>>;
}

/**
 * Participants who joined (never fired for the initial snapshot, nor by a resync unless they really
 * arrived).
 * @category State operators
 */
export function joinedParticipants(): OperatorFunction<Pick<RosterUpdate, 'events'>, Participant> {
  return (source) =>
    source.pipe(
      rosterEvents('joined'),
      map((event) => event.after),
    );
}

/**
 * Participants who left, as last known.
 * @category State operators
 */
export function leftParticipants(): OperatorFunction<Pick<RosterUpdate, 'events'>, Participant> {
  return (source) =>
    source.pipe(
      rosterEvents('left'),
      map((event) => event.before),
    );
}

/**
 * Participants with a raised hand, first raised first (`updateHandsRaised`); emits only when
 * the list changes.
 * @category State operators
 */
export function handsRaisedOrder(): OperatorFunction<RosterUpdate, readonly Participant[]> {
  return (source) =>
    defer(() =>
      source.pipe(
        scan(updateHandsRaised, initialHandsRaised()),
        map((state) => state.raised),
        distinctUntilChanged(),
      ),
    );
}

/**
 * SpeakerChangeNotify pushes resolved against the latest roster (`resolveSpeakers`); before
 * any roster arrives, speakers resolve by the push's own names.
 * @category State operators
 */
export function activeSpeakers(
  roster$: Observable<Roster>,
): OperatorFunction<SpeakerChangeNotify, readonly ActiveSpeaker[]> {
  const empty: Roster = PersistentMap.empty();
  return (source) =>
    source.pipe(
      withLatestFrom(roster$.pipe(startWith(empty))),
      map(([message, roster]) => resolveSpeakers(message, roster)),
    );
}

/**
 * The warnings of each update, one by one.
 * @category State operators
 */
export function stateWarnings(): OperatorFunction<
  { readonly warnings: readonly StateWarning[] },
  StateWarning
> {
  return (source) =>
    source.pipe(
      filter((update) => update.warnings.length > 0),
      mergeMap((update) => update.warnings),
    );
}
