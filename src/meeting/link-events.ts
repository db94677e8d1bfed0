/**
 * What one connection attempt emits: the pushes of its socket, and the few signals about the link
 * itself (its phase, a warning) that the meeting turns into `status$` and `warnings$` values.
 */
import type { Notify, UnknownNotify } from '../protocol/messages.js';
import type { MeetingWarning } from './warnings.js';

/**
 * A push as delivered on the meeting's streams.
 * @category Meeting
 */
export type Push = Notify | UnknownNotify;

/** The phases an attempt reports itself; `reconnecting`, `idle` and the ends are the meeting's own. */
export type LinkPhaseName = 'connecting' | 'opening' | 'subscribing' | 'live';

/** The attempt reached a phase (PROTOCOL.md §1). */
export interface LinkPhase {
  readonly kind: 'phase';
  readonly phase: LinkPhaseName;
}

/** Something worth a `warnings$` value happened on the link; the link goes on. */
export interface LinkWarning {
  readonly kind: 'warning';
  readonly warning: MeetingWarning;
}

/**
 * One value of an attempt: a push (it has an `action`), or a signal (it has a `kind`). Pushes are
 * not wrapped, so the hot path allocates nothing of its own.
 */
export type LinkEvent = Push | LinkPhase | LinkWarning;

/** The phase signals, made once: an attempt emits the same four objects every time. */
export const PHASE: { readonly [P in LinkPhaseName]: LinkPhase } = {
  connecting: { kind: 'phase', phase: 'connecting' },
  opening: { kind: 'phase', phase: 'opening' },
  subscribing: { kind: 'phase', phase: 'subscribing' },
  live: { kind: 'phase', phase: 'live' },
};

/** A warning as a link event. */
export function linkWarning(warning: MeetingWarning): LinkWarning {
  return { kind: 'warning', warning };
}

/** Whether `event` is a push (rather than a phase or warning signal). */
export function isPush(event: LinkEvent): event is Push {
  return 'action' in event;
}
