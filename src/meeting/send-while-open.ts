/**
 * The operator that merges a socket's outgoing frames (Subscribe, heartbeats) into it once its
 * handshake is done.
 */
import { type Observable, type OperatorFunction, Observable as RxObservable } from 'rxjs';
import type { ConnectionEvent } from '../transport/connection.js';

/** The `open` event of {@link ConnectionEvent}. */
type OpenEvent = Extract<ConnectionEvent, { type: 'open' }>;

/**
 * Passes every received frame of a socket on, and at its `open` event emits `opened` and
 * subscribes `outgoing$` beside the socket, sending each of its values as a text frame: an error
 * of `outgoing$` fails the socket (so the attempt is retried), its completion is ignored, and it is
 * unsubscribed with the socket. Nothing of `outgoing$` runs before the handshake.
 *
 * @example
 * ```ts
 * connection({ url, createSocket }).pipe(
 *   sendWhileOpen(heartbeat(60_000).pipe(map((beat) => beat.frame)), 'open'),
 * );
 * ```
 */
export function sendWhileOpen<O>(
  outgoing$: Observable<string>,
  opened: O,
): OperatorFunction<ConnectionEvent, Exclude<ConnectionEvent, OpenEvent> | O> {
  return (source) =>
    new RxObservable<Exclude<ConnectionEvent, OpenEvent> | O>((subscriber) => {
      const fail = (error: unknown) => subscriber.error(error);
      subscriber.add(
        source.subscribe({
          next: (event) => {
            if (event.type !== 'open') {
              subscriber.next(event);
              return;
            }
            subscriber.next(opened);
            subscriber.add(outgoing$.subscribe({ next: event.send, error: fail }));
          },
          error: fail,
          complete: () => subscriber.complete(),
        }),
      );
    });
}
