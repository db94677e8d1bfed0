/**
 * One hot, shared source whose latest value late subscribers get at once: the plumbing behind the
 * Meeting's state streams.
 */
import { concat, defer, type Observable, of, type SchedulerLike, share, tap, timer } from 'rxjs';

/**
 * The two views of a {@link shareLatest} source.
 */
export interface SharedLatest<T> {
  /** Every value from now on; no replay (for events: a late subscriber must not see old ones). */
  readonly next$: Observable<T>;
  /** The latest value first, if there is one, then every new one (for state). */
  readonly latest$: Observable<T>;
}

/** Options of {@link shareLatest}. */
export interface ShareLatestOptions {
  /** After the last subscriber leaves, the source stays subscribed this long, ms. */
  readonly graceMs: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Shares `source$` among all subscribers of both views: it is subscribed once, at the first
 * subscriber, and unsubscribed `graceMs` after the last one leaves (which forgets the latest
 * value, so a later start begins afresh). When `source$` completes, the latest value is kept:
 * a subscriber after the end gets it and then completion.
 */
export function shareLatest<T>(source$: Observable<T>, options: ShareLatestOptions): SharedLatest<T> {
  let held: { readonly value: T } | undefined;
  const next$ = source$.pipe(
    tap({
      next: (value) => {
        held = { value };
      },
      // Only a reset (refcount zero after the grace period) forgets; completion keeps the last state.
      unsubscribe: () => {
        held = undefined;
      },
    }),
    share({
      resetOnError: false,
      resetOnComplete: false,
      resetOnRefCountZero: () => timer(options.graceMs, options.scheduler),
    }),
  );
  const latest$ = defer(() => (held === undefined ? next$ : concat(of(held.value), next$)));
  return { next$, latest$ };
}
