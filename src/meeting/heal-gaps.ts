/**
 * The operator that heals one socket's lists after a version gap (PROTOCOL.md §6.0, §9.6): ask for
 * a fresh full message with a second Subscribe, and fail the socket if none comes in time (a new
 * socket always starts with a snapshot).
 */
import { type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { MeetingError } from '../errors.js';
import type { VersionWarning } from '../state/version-check.js';
import { isPush, type LinkEvent } from './link-events.js';
import type { MeetingWarning } from './warnings.js';

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

/** Options of {@link healGaps}. */
export interface HealGapsOptions {
  /**
   * Push types that need a fresh full message although no gap was seen (a state fold started
   * while the socket was live: list pushes are not replayed).
   */
  readonly requests$: Observable<string>;
  /**
   * Sends the socket's current Subscribe frame again. Returns `false` when that cannot bring a full
   * message of `action` (no Subscribe sent yet, or `action` not in it): nothing is awaited then.
   */
  readonly resubscribe: (action: string) => boolean;
  /** Whether a gap or stale push of a list type asks for a full message by itself. */
  readonly onGaps: boolean;
  /** How long to wait for the full message, ms. */
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Whether a version warning means a list may now be wrong (§6.0): a gap, or a stale message (if
 * it was reordered rather than repeated, dropping it lost its change). A duplicate loses nothing.
 */
function signalsLoss(warning: MeetingWarning): warning is VersionWarning {
  return (
    (warning.code === 'VERSION_GAP' || warning.code === 'STALE_VERSION') && LIST_ACTIONS.has(warning.action)
  );
}

function resyncTimeout(action: string, afterMs: number): MeetingError {
  return {
    code: 'RESYNC_TIMEOUT',
    action,
    afterMs,
    message: `no full ${action} within ${afterMs} ms of asking for one; reconnecting`,
  };
}

/**
 * Passes one socket's link events on, and heals: each request (a loss warning in the stream when
 * `onGaps`, or a value of `requests$`) resubscribes once and waits, as one scheduled action, for a
 * full (`msgMode` 0) push of its type; a request of a type whose heal is under way is ignored (one
 * Subscribe per heal, not one per gap). A heal not answered within `timeoutMs` fails the stream
 * with `RESYNC_TIMEOUT`. Unsubscribing cancels every wait.
 */
export function healGaps(options: HealGapsOptions): MonoTypeOperatorFunction<LinkEvent> {
  const { timeoutMs, scheduler } = options;
  return (source) =>
    new Observable<LinkEvent>((subscriber) => {
      /** The deadline of each heal under way, by push type; made at the first heal. */
      let underWay: Map<string, Subscription> | undefined;
      const request = (action: string) => {
        if (underWay?.has(action) || !options.resubscribe(action)) return;
        underWay ??= new Map();
        // §9.6: a second Subscribe may not yield a snapshot on the real service; a new socket does.
        const deadline = scheduler.schedule(
          () => subscriber.error(resyncTimeout(action, timeoutMs)),
          timeoutMs,
        );
        underWay.set(action, deadline);
      };
      subscriber.add(
        source.subscribe({
          next: (event) => {
            if (isPush(event)) {
              if (underWay !== undefined && event.action !== 'UnknownNotify' && event.msgMode === 0) {
                underWay.get(event.action)?.unsubscribe();
                underWay.delete(event.action);
              }
            } else if (options.onGaps && event.kind === 'warning' && signalsLoss(event.warning)) {
              subscriber.next(event);
              request(event.warning.action);
              return;
            }
            subscriber.next(event);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      );
      subscriber.add(options.requests$.subscribe({ next: request }));
      subscriber.add(() => {
        if (underWay !== undefined) for (const deadline of underWay.values()) deadline.unsubscribe();
      });
    });
}
