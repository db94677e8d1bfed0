/**
 * One connection shared by all of a meeting's data subscribers, by reference count with a grace
 * period: what `share({ resetOnRefCountZero: () => timer(graceMs) })` does, but a holder costs a
 * counter step instead of a subscription of its own (each data subscriber is already subscribed to
 * its push type's channel, which is how it learns of the end).
 */
import type { SchedulerLike, Subscription } from 'rxjs';

/**
 * Controls of {@link createConnectionHold}.
 * @internal
 */
export interface ConnectionHold {
  /** One more holder: starts the connection if none runs. The function returned lets go, once. */
  hold(): () => void;
  /** Tells that the connection ended by itself (completed or failed): the next holder starts anew. */
  ended(): void;
  /** Ends the connection now, whoever holds it. */
  stop(): void;
}

/**
 * @param connect - starts the connection; its subscription is unsubscribed to stop it. It may
 *   end at once (a subscription already closed), which is not kept.
 * @param graceMs - after the last holder lets go, the connection runs this much longer, ms.
 * @internal
 */
export function createConnectionHold(
  connect: () => Subscription,
  graceMs: number,
  scheduler: SchedulerLike,
): ConnectionHold {
  let holders = 0;
  let running: Subscription | undefined;
  let grace: Subscription | undefined;
  const cancelGrace = () => {
    grace?.unsubscribe();
    grace = undefined;
  };
  const disconnect = () => {
    const current = running;
    running = undefined;
    current?.unsubscribe();
  };
  const release = () => {
    holders -= 1;
    if (holders > 0 || running === undefined) return;
    grace = scheduler.schedule(() => {
      grace = undefined;
      disconnect();
    }, graceMs);
  };
  return {
    hold() {
      holders += 1;
      cancelGrace();
      if (running === undefined) {
        const started = connect();
        if (!started.closed) running = started;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
    ended() {
      cancelGrace();
      running = undefined;
    },
    stop() {
      cancelGrace();
      disconnect();
    },
  };
}
