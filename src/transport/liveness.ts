/**
 * Dead-link detection for the push socket (PROTOCOL.md §7, client rule [I]).
 */
import {
  asyncScheduler,
  type MonoTypeOperatorFunction,
  Observable,
  type SchedulerAction,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import type { MeetingError } from '../meeting/errors.js';

/**
 * Options of {@link liveness}.
 * @category Transport
 */
export interface LivenessOptions<T> {
  /** The `sequence` of every HeartBeat as it is sent; each one expects an echo. */
  readonly sent$: Observable<string>;
  /** The `sequence` a received value echoes, or `undefined` when it is not a HeartBeat echo. */
  readonly echoOf: (value: T) => string | undefined;
  /** The link is dead when nothing at all arrives for this long, ms (§7: two heartbeat intervals). */
  readonly silenceMs: number;
  /** The link is dead when a HeartBeat gets no echo within this long, ms (§7: 30 s). */
  readonly echoTimeoutMs: number;
  /**
   * Where the timers run.
   * @defaultValue asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** The liveness failure as a typed {@link MeetingError}. */
export function livenessError(kind: 'silence' | 'no-echo', afterMs: number): MeetingError {
  const what = kind === 'silence' ? 'no frame received' : 'no heartbeat echo received';
  return {
    code: 'LIVENESS_TIMEOUT',
    kind,
    afterMs,
    message: `link considered dead: ${what} within ${afterMs} ms`,
  };
}

/**
 * Passes received frames through unchanged and errors with `LIVENESS_TIMEOUT` when the link looks
 * dead: nothing received for `silenceMs` (counted from subscription), or a sent HeartBeat not
 * echoed within `echoTimeoutMs`. Apply it to the frames of one socket; the caller closes the
 * socket and reconnects on the error.
 *
 * Cost: a received frame only updates a timestamp (and, while a HeartBeat awaits its echo, is
 * asked for its `echoOf`). One scheduler action per subscription watches both deadlines: it wakes
 * at the earlier of "last frame + `silenceMs`" and "oldest unanswered HeartBeat + `echoTimeoutMs`",
 * and when frames arrived meanwhile it simply sleeps again until the new deadline. A per-frame
 * `timeout({ each })` would cancel and re-arm a timer for every frame instead.
 *
 * @example
 * ```ts
 * frames$.pipe(liveness({ sent$, echoOf: (f) => (f.action === 'HeartBeat' ? f.sequence : undefined),
 *   silenceMs: 120_000, echoTimeoutMs: 30_000 }));
 * ```
 * @category Transport
 */
export function liveness<T>(options: LivenessOptions<T>): MonoTypeOperatorFunction<T> {
  const { sent$, echoOf, silenceMs, echoTimeoutMs } = options;
  const scheduler = options.scheduler ?? asyncScheduler;
  return (source) =>
    new Observable<T>((subscriber) => {
      let lastFrameAt = scheduler.now();
      /**
       * Sequences of the HeartBeats awaiting their echo → when the echo is overdue. A Map keeps
       * insertion order, and every deadline is its send time plus the same `echoTimeoutMs`, so the
       * first entry is always the earliest deadline.
       */
      const awaitingEcho = new Map<string, number>();
      let watch: Subscription | undefined;
      /** When the scheduled watch wakes (Infinity: not scheduled). */
      let wakeAt = Number.POSITIVE_INFINITY;

      const firstEchoDeadline = (): number => {
        for (const deadline of awaitingEcho.values()) return deadline;
        return Number.POSITIVE_INFINITY;
      };

      /** Checks both deadlines; either fails the stream or sleeps until the next one. */
      function check(this: SchedulerAction<undefined>): void {
        const now = scheduler.now();
        const silentUntil = lastFrameAt + silenceMs;
        const echoDue = firstEchoDeadline();
        if (silentUntil <= now && silentUntil <= echoDue) {
          subscriber.error(livenessError('silence', silenceMs));
          return;
        }
        if (echoDue <= now) {
          subscriber.error(livenessError('no-echo', echoTimeoutMs));
          return;
        }
        wakeAt = Math.min(silentUntil, echoDue);
        this.schedule(undefined, wakeAt - now);
      }

      const wakeBy = (at: number) => {
        if (at >= wakeAt) return;
        watch?.unsubscribe();
        wakeAt = at;
        watch = scheduler.schedule(check, Math.max(0, at - scheduler.now()));
        subscriber.add(watch);
      };
      wakeBy(lastFrameAt + silenceMs);

      subscriber.add(
        sent$.subscribe({
          next: (sequence) => {
            const deadline = scheduler.now() + echoTimeoutMs;
            awaitingEcho.set(sequence, deadline);
            wakeBy(deadline);
          },
          error: (error: unknown) => subscriber.error(error),
        }),
      );
      subscriber.add(
        source.subscribe({
          next: (frame) => {
            lastFrameAt = scheduler.now();
            if (awaitingEcho.size > 0) {
              const echoed = echoOf(frame);
              if (echoed !== undefined) awaitingEcho.delete(echoed);
            }
            subscriber.next(frame);
          },
          error: (error: unknown) => subscriber.error(error),
          // Completion passes through; the watch and sent$ are torn down with the subscriber.
          complete: () => subscriber.complete(),
        }),
      );
    });
}
