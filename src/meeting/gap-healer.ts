/**
 * Healing one socket's state after a version gap (PROTOCOL.md §6.0, §9.6, issue 7): ask for a fresh
 * full message with a second Subscribe, and if none comes in time, fail the session so the client
 * reconnects (a new socket always starts with a snapshot).
 */
import { filter, Observable, type SchedulerLike, type Subscription, take, throwError, timeout } from 'rxjs';
import type { MeetingError } from './errors.js';
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
  /** Push types that need a fresh full message (gaps, or a state fold starting mid-session). */
  readonly requests$: Observable<string>;
  /** This socket's pushes, after the version guard. */
  readonly pushes$: Observable<Push>;
  /**
   * Sends the current Subscribe frame again. Returns `false` when that cannot bring a full message
   * of `action` (no Subscribe sent yet on this socket, or `action` not in it); nothing is awaited then.
   */
  readonly resubscribe: (action: string) => boolean;
  /** How long to wait for the full message, ms. */
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Serves resync requests for one socket; emits nothing, and fails with `RESYNC_TIMEOUT` when a
 * requested full message does not arrive within `timeoutMs`. Requests for a type whose resync is
 * already under way are ignored (one Subscribe per heal, not one per gap).
 */
export function healGaps$(options: GapHealerOptions): Observable<never> {
  const { pushes$, timeoutMs, scheduler } = options;
  return new Observable<never>((subscriber) => {
    /** The heal under way per push type (what `groupBy` + `exhaustMap` would keep, in one Map). */
    const underWay = new Map<string, Subscription>();
    let requestsEnded = false;
    subscriber.add(
      options.requests$.subscribe({
        next: (action) => {
          if (underWay.has(action) || !options.resubscribe(action)) return;
          const heal = pushes$
            .pipe(
              filter(
                (push) => push.action !== 'UnknownNotify' && push.action === action && push.msgMode === 0,
              ),
              take(1),
              timeout({
                first: timeoutMs,
                scheduler,
                // §9.6: a second Subscribe may not yield a snapshot on the real service; a new socket does.
                with: () => throwError(() => resyncTimeout(action, timeoutMs)),
              }),
            )
            .subscribe({
              error: (error: unknown) => subscriber.error(error),
              complete: () => {
                underWay.delete(action);
                if (requestsEnded && underWay.size === 0) subscriber.complete();
              },
            });
          // A heal that ended synchronously must not stay marked as under way.
          if (!heal.closed) underWay.set(action, heal);
          subscriber.add(heal);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          requestsEnded = true;
          if (underWay.size === 0) subscriber.complete();
        },
      }),
    );
  });
}

function resyncTimeout(action: string, afterMs: number): MeetingError {
  return {
    code: 'RESYNC_TIMEOUT',
    action,
    afterMs,
    message: `no full ${action} within ${afterMs} ms of asking for one; reconnecting`,
  };
}
