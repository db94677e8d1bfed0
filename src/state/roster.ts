/**
 * The online roster folded from ParticipantsNotify (PROTOCOL.md §6.0, §6.5).
 * @module
 */
import type { ParticipantsNotify } from '../protocol/messages.js';
import type { Participant } from './participant.js';
import { ParticipantRecord } from './participant.js';
import { PersistentMap } from './persistent-map.js';
import type { ListEvent } from './pinfo-list-fold.js';
import { foldPinfoList } from './pinfo-list-fold.js';
import type { PinfoView } from './pinfo-view.js';
import type { StateWarning } from './warnings.js';

/**
 * Everyone online, by pid. An immutable snapshot: it never changes after it is emitted, and stays
 * valid and correct forever (see `PersistentMap` in src/state/persistent-map.ts for how a one-person change avoids copying
 * the whole roster). Iteration order is unspecified; sort by `joinedAtMs` when order matters.
 * @category State
 */
export type Roster = ReadonlyMap<string, Participant>;

/**
 * A change to the roster: `joined` (with `after`), `left` (with `before`) or `updated` (with the
 * changed `pinfoMap` keys, `before` and `after`).
 * @category State
 */
export type RosterEvent = ListEvent<Participant>;

/**
 * What the roster fold carries from one message to the next.
 * @category State
 */
export interface RosterState {
  /** The current roster. */
  readonly roster: Roster;
  /**
   * `true` once a full message has been folded. The first full message is the initial snapshot
   * and fires no `joined` events; later ones are resyncs, diffed against the roster held.
   */
  readonly initialized: boolean;
  /** The last incremental `version` applied since the last full message (§6.0). */
  readonly lastVersion: number | undefined;
}

/**
 * The result of folding one message: the new state plus what happened.
 * @category State
 */
export interface RosterUpdate extends RosterState {
  /** Arrivals, departures and changes, in message order. Empty for the initial snapshot. */
  readonly events: readonly RosterEvent[];
  /** Problems found; the message was still applied unless a version warning says it was dropped. */
  readonly warnings: readonly StateWarning[];
  /** The message was a full message (the roster was replaced). */
  readonly full: boolean;
  /** The roster is a new snapshot (`false` for a dropped or no-op message, or an identical resync). */
  readonly changed: boolean;
}

/**
 * A fresh, empty roster state, before any message.
 * @category State
 */
export function initialRosterState(): RosterState {
  return {
    roster: PersistentMap.empty<string, ParticipantRecord>(),
    initialized: false,
    lastVersion: undefined,
  };
}

const makeParticipant = (pid: string, raw: PinfoView): ParticipantRecord => new ParticipantRecord(pid, raw);

/**
 * Folds one ParticipantsNotify into the roster state: a pure function (the previous state and its
 * roster stay valid and unchanged).
 *
 * - Full message (`msgMode: 0`): replaces the roster. The first one fires no events; later ones fire
 *   `joined`/`left`/`updated` only for real differences (none at all: the held roster is kept and
 *   `changed` is `false`).
 * - Incremental message: `mode: 0` merges the changed keys (creating the person if unknown, with an
 *   `UPDATE_UNKNOWN_WITHOUT_NAME` warning if it has no `NAME`); `mode: 1` removes (an
 *   `UNKNOWN_REMOVE` warning if not held). Costs O(changed), whatever the roster's size.
 * - Duplicate or stale incremental versions are dropped with a warning; a gap is applied and reported
 *   as `VERSION_GAP` (the caller heals it by getting a fresh full state).
 * @category State
 * @example
 * ```ts
 * let state: RosterState = initialRosterState();
 * const update = applyParticipants(state, message);
 * for (const e of update.events) if (e.type === 'joined') console.log(`${e.after.name} joined`);
 * state = update;
 * ```
 */
export function applyParticipants(state: RosterState, message: ParticipantsNotify): RosterUpdate {
  const { items, ...rest } = foldPinfoList(
    state.roster as ReadonlyMap<string, ParticipantRecord>,
    state.initialized,
    state.lastVersion,
    message,
    makeParticipant,
  );
  return { roster: items, ...rest };
}
