/**
 * Resubscribe after an error with exponential backoff: RxJS `retry({ delay })` plus a policy.
 */
import {
  asyncScheduler,
  defer,
  type MonoTypeOperatorFunction,
  retry,
  type SchedulerLike,
  throwError,
  timer,
} from 'rxjs';
import { backoffDelay } from './backoff-delay.js';

/**
 * What {@link RetryWithBackoffOptions.onRetry} is told before each wait.
 * @category Transport
 */
export interface RetryInfo {
  /** 1 for the first retry after a healthy period, then 2, 3, … */
  readonly attempt: number;
  /** The wait before this retry, ms. */
  readonly delayMs: number;
  /** The error that caused it. */
  readonly error: unknown;
}

/**
 * Options of {@link retryWithBackoff}.
 * @category Transport
 */
export interface RetryWithBackoffOptions {
  /**
   * Delay before the first retry, ms.
   * @defaultValue 1000
   */
  readonly initialDelayMs?: number;
  /**
   * No delay is ever longer than this, ms.
   * @defaultValue 30000
   */
  readonly maxDelayMs?: number;
  /**
   * Each delay is the previous one times this (before jitter and the cap).
   * @defaultValue 2
   */
  readonly factor?: number;
  /**
   * `'full'` draws each delay uniformly from [0, exponential delay) so that clients dropped together
   * do not return together; `'none'` uses the exact value.
   * @defaultValue 'full'
   */
  readonly jitter?: 'full' | 'none';
  /**
   * How many retries in a row before the error is passed on. `Infinity` retries forever.
   * @defaultValue Infinity
   */
  readonly maxAttempts?: number;
  /**
   * A subscription that lasted at least this long before failing counts as healthy: the attempt
   * counter (and so the delay) starts again from the first step.
   * @defaultValue 60000
   */
  readonly resetAfterMs?: number;
  /**
   * Errors for which retrying is pointless; they are passed on at once.
   * @defaultValue `() => false`
   */
  readonly isFatal?: (error: unknown) => boolean;
  /**
   * Where the delays are scheduled; pass a `TestScheduler` in tests.
   * @defaultValue asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
  /**
   * Source of randomness for the jitter, returning a number in [0, 1).
   * @defaultValue Math.random
   */
  readonly random?: () => number;
  /**
   * Called before each wait (for status reporting). Must not throw.
   * @defaultValue none
   */
  readonly onRetry?: (info: RetryInfo) => void;
}

/**
 * The options of {@link retryWithBackoff} that decide when retries happen and when they stop (the
 * others decide what is retried and who is told).
 * @category Transport
 */
export type BackoffSchedule = Pick<
  RetryWithBackoffOptions,
  'initialDelayMs' | 'maxDelayMs' | 'factor' | 'jitter' | 'maxAttempts' | 'resetAfterMs'
>;

/**
 * A {@link BackoffSchedule} with every documented default applied: the one place those defaults live.
 * @category Transport
 */
export function resolveBackoffSchedule(options: BackoffSchedule): Required<BackoffSchedule> {
  return {
    initialDelayMs: options.initialDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    factor: options.factor ?? 2,
    jitter: options.jitter ?? 'full',
    maxAttempts: options.maxAttempts ?? Number.POSITIVE_INFINITY,
    resetAfterMs: options.resetAfterMs ?? 60_000,
  };
}

/**
 * Resubscribes to the source after each error, waiting longer each time (exponential backoff,
 * capped, with full jitter by default). Fatal errors and errors after `maxAttempts` retries are
 * passed on. The attempt counter lives per subscription, so the operator is pure and reusable.
 *
 * @example
 * ```ts
 * const live$ = connect$.pipe(
 *   retryWithBackoff({ initialDelayMs: 1000, maxDelayMs: 30000, isFatal: (e) => isFatal(e) }),
 * );
 * ```
 * @category Transport
 */
export function retryWithBackoff<T>(options: RetryWithBackoffOptions = {}): MonoTypeOperatorFunction<T> {
  const { maxAttempts, resetAfterMs, ...policy } = resolveBackoffSchedule(options);
  const isFatal = options.isFatal ?? (() => false);
  const scheduler = options.scheduler ?? asyncScheduler;
  const random = options.random ?? Math.random;
  // Only what is used is kept: the options object itself is often a one-off spread.
  const { onRetry } = options;

  return (source) =>
    defer(() => {
      let attempt = 0;
      let startedAt = scheduler.now();
      // Each (re)subscription starts a period that may turn out healthy. (A `defer` rather than
      // `tap({ subscribe })`: it adds no subscriber to a chain that lives as long as the meeting.)
      const timed$ = defer(() => {
        startedAt = scheduler.now();
        return source;
      });
      return timed$.pipe(
        retry({
          delay: (error: unknown) => {
            if (isFatal(error)) return throwError(() => error);
            if (scheduler.now() - startedAt >= resetAfterMs) attempt = 0;
            attempt += 1;
            if (attempt > maxAttempts) return throwError(() => error);
            const delayMs = backoffDelay(attempt, policy, random);
            onRetry?.({ attempt, delayMs, error });
            return timer(delayMs, scheduler);
          },
        }),
      );
    });
}
