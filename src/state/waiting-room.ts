/**
 * The waiting room folded from WaitingListNotify (PROTOCOL.md §6.0, §6.11), by the same rules as
 * the roster.
 * @module
 */
import type { WaitingListNotify } from '../protocol/messages.js';
import { PersistentMap } from './persistent-map.js';
import type { ListEvent } from './pinfo-list-fold.js';
import { foldPinfoList } from './pinfo-list-fold.js';
import type { PinfoView } from './pinfo-view.js';
import type { WaitingPerson } from './waiting-person.js';
import { WaitingPersonRecord } from './waiting-person.js';
import type { StateWarning } from './warnings.js';

/**
 * Everyone in the waiting room, by pid (an immutable snapshot, like {@link Roster}).
 * @category State
 */
export type WaitingRoom = ReadonlyMap<string, WaitingPerson>;

/**
 * A change to the waiting room: `joined` (entered it), `left` (removed: admitted or gone; §6.11
 * does not say which) or `updated`.
 * @category State
 */
export type WaitingRoomEvent = ListEvent<WaitingPerson>;

/**
 * What the waiting-room fold carries from one message to the next.
 * @category State
 */
export interface WaitingRoomState {
  readonly waitingRoom: WaitingRoom;
  /** `true` once a full message has been folded (see {@link RosterState.initialized}). */
  readonly initialized: boolean;
  readonly lastVersion: number | undefined;
}

/**
 * The result of folding one WaitingListNotify.
 * @category State
 */
export interface WaitingRoomUpdate extends WaitingRoomState {
  readonly events: readonly WaitingRoomEvent[];
  readonly warnings: readonly StateWarning[];
  readonly full: boolean;
  readonly changed: boolean;
}

/**
 * A fresh, empty waiting-room state.
 * @category State
 */
export function initialWaitingRoomState(): WaitingRoomState {
  return {
    waitingRoom: PersistentMap.empty<string, WaitingPersonRecord>(),
    initialized: false,
    lastVersion: undefined,
  };
}

const makeWaitingPerson = (pid: string, raw: PinfoView): WaitingPersonRecord =>
  new WaitingPersonRecord(pid, raw);

/**
 * Folds one WaitingListNotify: same rules as {@link applyParticipants}. Incremental messages before
 * any full one are normal here (the published example is the first change of a waiting room,
 * `version: 1`); they are applied to the empty room.
 * @category State
 */
export function applyWaitingList(state: WaitingRoomState, message: WaitingListNotify): WaitingRoomUpdate {
  const { items, ...rest } = foldPinfoList(
    state.waitingRoom as ReadonlyMap<string, WaitingPersonRecord>,
    state.initialized,
    state.lastVersion,
    message,
    makeWaitingPerson,
  );
  return { waitingRoom: items, ...rest };
}
