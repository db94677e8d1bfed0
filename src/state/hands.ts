/**
 * Raised hands in the order they were raised (PROTOCOL.md §6.5 `HAND`).
 * @module
 */
import type { Participant } from './participant.js';
import type { RosterUpdate } from './roster.js';

/**
 * Raised hands, first raised first. Invariant: `order` holds exactly the pids whose participant
 * has `handRaised`.
 * @category State
 */
export interface HandsRaisedState {
  /** Pids, in the order the hands went up. */
  readonly order: readonly string[];
  /** The participants of `order`, current data. */
  readonly raised: readonly Participant[];
}

/**
 * No hands raised.
 * @category State
 */
export function initialHandsRaised(): HandsRaisedState {
  return { order: [], raised: [] };
}

/**
 * Folds one roster update into the raise order: a hand going up appends, going down or the person
 * leaving removes. A full message cannot tell when hands went up, so it keeps the known order of
 * hands still raised and appends the others in roster order. Returns the same object when no raised
 * hand was touched, so `distinctUntilChanged()` works downstream.
 * @category State
 */
export function updateHandsRaised(state: HandsRaisedState, update: RosterUpdate): HandsRaisedState {
  if (!update.changed) return state;
  const { roster } = update;
  if (update.full) {
    const order = state.order.filter((pid) => roster.get(pid)?.handRaised === true);
    const known = new Set(order);
    for (const p of roster.values()) if (p.handRaised && !known.has(p.pid)) order.push(p.pid);
    return withRaised(order, update);
  }
  let order: string[] | undefined;
  for (const event of update.events) {
    // By the invariant, a person with no raised hand before or after is not in the order.
    if (event.type === 'joined') {
      if (event.after.handRaised) order = [...(order ?? state.order), event.pid];
    } else if (event.type === 'left') {
      if (event.before.handRaised) order = without(order ?? state.order, event.pid);
    } else if (event.before.handRaised !== event.after.handRaised) {
      order = event.after.handRaised
        ? [...(order ?? state.order), event.pid]
        : without(order ?? state.order, event.pid);
    } else if (event.after.handRaised) {
      order ??= [...state.order]; // a raised person's data changed: refresh `raised`
    }
  }
  return order === undefined ? state : withRaised(order, update);
}

function without(order: readonly string[], pid: string): string[] {
  return order.filter((p) => p !== pid);
}

function withRaised(order: string[], update: RosterUpdate): HandsRaisedState {
  const raised: Participant[] = [];
  for (const pid of order) {
    const participant = update.roster.get(pid);
    if (participant !== undefined) raised.push(participant);
  }
  return { order, raised };
}
