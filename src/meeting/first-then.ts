/**
 * The operator behind "tokens first, then the socket".
 */
import { Observable, type OperatorFunction, type Subscription } from 'rxjs';

/**
 * Waits for the source's first value, lets go of the source, and mirrors `project(first)` from
 * then on: what `take(1), throwIfEmpty(whenEmpty), switchMap(project)` does, minus the two
 * operator subscribers a `switchMap` would hold for the inner stream's whole life (the inner
 * stream is a socket that lives for hours in every watched meeting).
 *
 * A source that completes without a value fails with `whenEmpty()`: a token provider that
 * returns `EMPTY` (type-correct) must not leave the meeting connecting for ever. Errors of either
 * stream pass through.
 *
 * @example
 * ```ts
 * tokens$.pipe(firstThen((tokens) => openSocket(tokens), () => new Error('no tokens')));
 * ```
 */
export function firstThen<T, R>(
  project: (first: T) => Observable<R>,
  whenEmpty: () => unknown,
): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      let taken = false;
      let head: Subscription | undefined;
      head = source.subscribe({
        next: (first) => {
          if (taken) return;
          taken = true;
          // Done with the source: let it go now rather than at the end of the socket's life.
          if (head !== undefined) {
            subscriber.remove(head);
            head.unsubscribe();
            head = undefined;
          }
          // The subscriber itself, not an observer wrapping it: the inner chain is then linked to it
          // as it is built, so a consumer that stops (re-entrantly, from a value the inner stream
          // emits while it is being subscribed) stops the rest of it from being started.
          project(first).subscribe(subscriber);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          if (!taken) subscriber.error(whenEmpty());
        },
      });
      // A first value that came synchronously found `head` unassigned: close it here.
      if (taken) head.unsubscribe();
      else subscriber.add(head);
    });
}
