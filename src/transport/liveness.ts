/**
 * Dead-link detection for the push socket (PROTOCOL.md §7, client rule [I]).
 */
import {
  asyncScheduler,
  connect,
  endWith,
  filter,
  ignoreElements,
  type MonoTypeOperatorFunction,
  merge,
  mergeMap,
  type Observable,
  type SchedulerLike,
  take,
  takeUntil,
  throwError,
  timeout,
  timer,
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
    source.pipe(
      connect((frames$) => {
        const silence$ = frames$.pipe(
          timeout({
            each: silenceMs,
            scheduler,
            with: () => throwError(() => livenessError('silence', silenceMs)),
          }),
        );
        const missingEcho$ = sent$.pipe(
          mergeMap((sequence) =>
            timer(echoTimeoutMs, scheduler).pipe(
              takeUntil(
                frames$.pipe(
                  filter((frame) => echoOf(frame) === sequence),
                  take(1),
                ),
              ),
              mergeMap(() => throwError(() => livenessError('no-echo', echoTimeoutMs))),
            ),
          ),
          ignoreElements(),
          // Stop watching echoes when the frames end, so completion passes through.
          takeUntil(frames$.pipe(ignoreElements(), endWith(true))),
        );
        return merge(silence$, missingEcho$);
      }),
    );
}
