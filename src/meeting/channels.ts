/**
 * Per-type channels: how a push reaches the subscribers of its type's stream, and how the
 * state-like types replay their latest push.
 */
import { Observable, type Subscriber } from 'rxjs';
import type { Push } from './link-events.js';

/** The channels of one meeting; see {@link createChannels}. */
export interface Channels {
  /**
   * The pushes of `action` from now on; first the latest one if `action` replays and one is held.
   * Completes at {@link Channels.completeAll}.
   */
  channel(action: string): Observable<Push>;
  /** Hands `push` to the subscribers of its type (one Map lookup, whatever the number of streams). */
  dispatch(push: Push): void;
  /** Forgets every held latest push (the connection ended: what it said may no longer hold). */
  forgetLatest(): void;
  /** Completes every channel subscriber, now and later (the meeting ended or was closed). */
  completeAll(): void;
}

/**
 * Channels for every push type, replaying the latest push of the types in `replayed` only (the
 * state-like ones, whose every message is the whole state; a list type's incremental message is
 * no state to replay, §6.0).
 *
 * Each type's subscriber list is replaced, never changed in place, so a delivery under way goes on
 * over the list it began with whoever subscribes or unsubscribes meanwhile (what a Subject does;
 * a Subject per type would cost every watched meeting a few hundred bytes per stream).
 */
export function createChannels(replayed: ReadonlySet<string>): Channels {
  const subscribers = new Map<string, readonly Subscriber<Push>[]>();
  const latest = new Map<string, Push>();
  let completed = false;
  return {
    channel: (action) =>
      new Observable<Push>((subscriber) => {
        if (completed) {
          subscriber.complete();
          return;
        }
        const held = latest.get(action);
        if (held !== undefined) subscriber.next(held);
        if (subscriber.closed) return;
        subscribers.set(action, [...(subscribers.get(action) ?? []), subscriber]);
        return () => {
          const rest = (subscribers.get(action) ?? []).filter((other) => other !== subscriber);
          if (rest.length > 0) subscribers.set(action, rest);
          else subscribers.delete(action);
        };
      }),
    dispatch(push) {
      if (replayed.has(push.action)) latest.set(push.action, push);
      const list = subscribers.get(push.action);
      if (list !== undefined) for (const subscriber of list) subscriber.next(push);
    },
    forgetLatest() {
      latest.clear();
    },
    completeAll() {
      completed = true;
      latest.clear();
      const ending = [...subscribers.values()];
      subscribers.clear();
      for (const list of ending) for (const subscriber of list) subscriber.complete();
    },
  };
}
