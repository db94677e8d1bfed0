/**
 * The operator that makes a data stream hold the meeting's connection while it is subscribed.
 */
import { type MonoTypeOperatorFunction, Observable } from 'rxjs';

/**
 * Mirrors the source and, once subscribed to it, subscribes `hold$` beside it for as long as it
 * lasts: the hold is released when the result is unsubscribed, and when `hold$` ends (completes
 * or fails) the result completes. A subscriber that the source satisfies at once (a replayed
 * value and `take(1)`) is gone before the hold is subscribed, so it starts nothing.
 *
 * What `merge(source, hold$.pipe(ignoreElements(), catchError(() => EMPTY)))` does, with one
 * subscriber instead of four: every data subscriber of every watched meeting holds one.
 *
 * @example
 * ```ts
 * channel$.pipe(holding(connection$)); // the pushes, while holding the shared connection
 * ```
 */
export function holding<T>(hold$: Observable<unknown>): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      source.subscribe(subscriber);
      if (subscriber.closed) return;
      const end = () => subscriber.complete();
      subscriber.add(hold$.subscribe({ error: end, complete: end }));
    });
}
