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
  type Unsubscribable,
} from 'rxjs';
import type { MeetingError } from '../errors.js';

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
 * Options of `livenessWatch`.
 * @category Transport
 */
export interface LivenessWatchOptions {
  /** The link is dead when nothing at all arrives for this long, ms (§7: two heartbeat intervals). */
  readonly silenceMs: number;
  /** The link is dead when a HeartBeat gets no echo within this long, ms (§7: 30 s). */
  readonly echoTimeoutMs: number;
  /** Called once, with a `LIVENESS_TIMEOUT` error, when the link looks dead; the watch then stops. */
  readonly dead: (error: MeetingError) => void;
  /**
   * Where the timer runs.
   * @defaultValue asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/**
 * A running `livenessWatch`: told of every HeartBeat sent and every frame received.
 * Unsubscribe it to stop it.
 * @category Transport
 */
export interface LivenessWatch extends Unsubscribable {
  /** A HeartBeat with this `sequence` was sent: its echo is due within `echoTimeoutMs`. */
  sent(sequence: string): void;
  /** Something arrived (any frame, even one that could not be decoded); `echo`: the HeartBeat `sequence` it echoes, if it is an echo. */
  received(echo?: string): void;
}

/**
 * Watches one socket for signs of death (PROTOCOL.md §7) and calls `dead` when nothing was
 * received for `silenceMs` (counted from the start) or a sent HeartBeat was not echoed within
 * `echoTimeoutMs`. This is what {@link liveness} runs; a client that handles its frames in one
 * step of its own (as `connectMeeting` does) calls it directly.
 *
 * Cost: a received frame only updates a timestamp (and, while a HeartBeat awaits its echo, drops
 * the echoed sequence). One scheduler action watches both deadlines: it wakes at the earlier of
 * "last frame + `silenceMs`" and "oldest unanswered HeartBeat + `echoTimeoutMs`", and when frames
 * arrived meanwhile it simply sleeps again until the new deadline. A per-frame `timeout({ each })`
 * would cancel and re-arm a timer for every frame instead.
 *
 * @example
 * ```ts
 * const watch = livenessWatch({ silenceMs: 120_000, echoTimeoutMs: 30_000, dead: (e) => socket.close() });
 * heartbeat().subscribe((beat) => { socket.send(beat.frame); watch.sent(beat.sequence); });
 * socket.onmessage = (m) => watch.received(echoOf(m.data));
 * ```
 * @category Transport
 */
export function livenessWatch(options: LivenessWatchOptions): LivenessWatch {
  const { silenceMs, echoTimeoutMs, dead } = options;
  const scheduler = options.scheduler ?? asyncScheduler;
  let lastFrameAt = scheduler.now();
  /**
   * Sequences of the HeartBeats awaiting their echo → when the echo is overdue. A Map keeps
   * insertion order, and every deadline is its send time plus the same `echoTimeoutMs`, so the
   * first entry is always the earliest deadline.
   */
  const awaitingEcho = new Map<string, number>();
  let timer: Subscription | undefined;
  /** When the timer wakes (Infinity: not scheduled). */
  let wakeAt = Number.POSITIVE_INFINITY;
  let stopped = false;

  const firstEchoDeadline = (): number => {
    for (const deadline of awaitingEcho.values()) return deadline;
    return Number.POSITIVE_INFINITY;
  };
  const stop = () => {
    stopped = true;
    timer?.unsubscribe();
  };

  /** Checks both deadlines; either declares the link dead or sleeps until the next one. */
  function check(this: SchedulerAction<undefined>): void {
    const now = scheduler.now();
    const silentUntil = lastFrameAt + silenceMs;
    const echoDue = firstEchoDeadline();
    if (silentUntil <= now && silentUntil <= echoDue) {
      stop();
      dead(livenessError('silence', silenceMs));
      return;
    }
    if (echoDue <= now) {
      stop();
      dead(livenessError('no-echo', echoTimeoutMs));
      return;
    }
    wakeAt = Math.min(silentUntil, echoDue);
    this.schedule(undefined, wakeAt - now);
  }

  const wakeBy = (at: number) => {
    if (at >= wakeAt || stopped) return;
    timer?.unsubscribe();
    wakeAt = at;
    timer = scheduler.schedule(check, Math.max(0, at - scheduler.now()));
  };
  wakeBy(lastFrameAt + silenceMs);

  return {
    sent(sequence) {
      const deadline = scheduler.now() + echoTimeoutMs;
      awaitingEcho.set(sequence, deadline);
      wakeBy(deadline);
    },
    received(echo) {
      lastFrameAt = scheduler.now();
      if (echo !== undefined) awaitingEcho.delete(echo);
    },
    unsubscribe: stop,
  };
}

/**
 * Passes received frames through unchanged and errors with `LIVENESS_TIMEOUT` when the link looks
 * dead: nothing received for `silenceMs` (counted from subscription), or a sent HeartBeat not
 * echoed within `echoTimeoutMs`. Apply it to the frames of one socket; the caller closes the
 * socket and reconnects on the error. The watching itself is `livenessWatch`.
 *
 * @example
 * ```ts
 * frames$.pipe(liveness({ sent$, echoOf: (f) => (f.action === 'HeartBeat' ? f.sequence : undefined),
 *   silenceMs: 120_000, echoTimeoutMs: 30_000 }));
 * ```
 * @category Transport
 */
export function liveness<T>(options: LivenessOptions<T>): MonoTypeOperatorFunction<T> {
  const { sent$, echoOf } = options;
  return (source) =>
    new Observable<T>((subscriber) => {
      const watch = livenessWatch({ ...options, dead: (error) => subscriber.error(error) });
      subscriber.add(watch);
      subscriber.add(
        sent$.subscribe({
          next: (sequence) => watch.sent(sequence),
          error: (error: unknown) => subscriber.error(error),
        }),
      );
      subscriber.add(
        source.subscribe({
          next: (frame) => {
            watch.received(echoOf(frame));
            subscriber.next(frame);
          },
          error: (error: unknown) => subscriber.error(error),
          // Completion passes through; the watch and sent$ are torn down with the subscriber.
          complete: () => subscriber.complete(),
        }),
      );
    });
}
