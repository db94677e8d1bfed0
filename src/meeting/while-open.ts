/**
 * The operator that starts a socket's side streams (Subscribe sender, heartbeat, renewals) once
 * its handshake is done, and runs them beside it.
 */
import { Observable, type OperatorFunction } from 'rxjs';
import type { ConnectionEvent } from '../transport/connection.js';

/** The `open` event of {@link ConnectionEvent}. */
type OpenEvent = Extract<ConnectionEvent, { type: 'open' }>;

/**
 * Passes every received frame of a socket on, and at its `open` event subscribes `sides(send)`
 * beside it: the side stream's values are emitted among the frames, its error fails the socket
 * (so the attempt is retried), its completion is ignored; it is unsubscribed with the socket. This
 * is `merge` restricted to what a socket needs, without merge's bookkeeping of inner streams.
 *
 * @example
 * ```ts
 * connection({ url, createSocket }).pipe(
 *   whileOpen((send) => heartbeat(60_000).pipe(tap((beat) => send(beat.frame)), ignoreElements())),
 * );
 * ```
 */
export function whileOpen<R>(
  sides: (send: (text: string) => void) => Observable<R>,
): OperatorFunction<ConnectionEvent, Exclude<ConnectionEvent, OpenEvent> | R> {
  return (source) =>
    new Observable<Exclude<ConnectionEvent, OpenEvent> | R>((subscriber) => {
      subscriber.add(
        source.subscribe({
          next: (event) => {
            if (event.type !== 'open') {
              subscriber.next(event);
              return;
            }
            subscriber.add(
              sides(event.send).subscribe({
                next: (value) => subscriber.next(value),
                error: (error: unknown) => subscriber.error(error),
              }),
            );
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      );
    });
}
