/**
 * Healing one socket's state after a version gap (PROTOCOL.md §6.0, §9.6, issue 7): ask for a fresh
 * full message with a second Subscribe, and if none comes in time, fail the session so the client
 * reconnects (a new socket always starts with a snapshot).
 */
import type { SchedulerLike, Subscription } from 'rxjs';
import type { MeetingError } from '../errors.js';
import type { Push } from './frame-handler.js';

/**
 * The push types whose state is a list folded from incremental `mode` 0/1 items (§6.0): a lost
 * incremental message leaves the list wrong until the next full message.
 */
export const LIST_ACTIONS: ReadonlySet<string> = new Set([
  'ParticipantsNotify',
  'AttendeesNotify',
  'NetConditionNotify',
  'WaitingListNotify',
]);

/** What the healer needs from its session. */
export interface GapHealerOptions {
  /**
   * Sends the current Subscribe frame again. Returns `false` when that cannot bring a full message
   * of `action` (no Subscribe sent yet on this socket, or `action` not in it); nothing is awaited then.
   */
  readonly resubscribe: (action: string) => boolean;
  /** How long to wait for the full message, ms. */
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
  /** Called with `RESYNC_TIMEOUT` when a requested full message does not arrive in time. */
  readonly fail: (error: MeetingError) => void;
}

/** One socket's healer: told of requests and of full messages; unsubscribing cancels its waits. */
export interface GapHealer {
  /**
   * A push type needs a fresh full message (a gap, or a state fold starting mid-session). Ignored
   * while a heal of that type is under way: one Subscribe per heal, not one per gap.
   */
  request(action: string): void;
  /** A full (`msgMode` 0) message of this socket arrived, after the version guard. */
  full(push: Push): void;
  /** Cancels every wait under way (the socket ended); nothing fails after it. */
  unsubscribe(): void;
}

/**
 * Heals one socket: each request resubscribes and waits, as one scheduled action, for a full
 * message of its type. (A plain object rather than an Observable of `filter` + `take` + `timeout`
 * per heal fed by a Subject of full messages: every watched meeting holds a healer for its
 * socket's life, and nearly always it has nothing to do; docs/benchmarks.md.)
 */
export function gapHealer(options: GapHealerOptions): GapHealer {
  const { timeoutMs, scheduler } = options;
  /** The deadline of each heal under way, by push type; made at the first heal. */
  let underWay: Map<string, Subscription> | undefined;
  return {
    request(action) {
      if (underWay?.has(action) || !options.resubscribe(action)) return;
      underWay ??= new Map();
      underWay.set(
        action,
        // §9.6: a second Subscribe may not yield a snapshot on the real service; a new socket does.
        scheduler.schedule(() => options.fail(resyncTimeout(action, timeoutMs)), timeoutMs),
      );
    },
    full(push) {
      const deadline = underWay?.get(push.action);
      if (deadline === undefined) return;
      deadline.unsubscribe();
      underWay?.delete(push.action);
    },
    unsubscribe() {
      if (underWay === undefined) return;
      for (const deadline of underWay.values()) deadline.unsubscribe();
      underWay.clear();
    },
  };
}

function resyncTimeout(action: string, afterMs: number): MeetingError {
  return {
    code: 'RESYNC_TIMEOUT',
    action,
    afterMs,
    message: `no full ${action} within ${afterMs} ms of asking for one; reconnecting`,
  };
}
