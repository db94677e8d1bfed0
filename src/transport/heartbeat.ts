/**
 * The client's HeartBeat frames as a stream (PROTOCOL.md §5.2, §7).
 */
import { asyncScheduler, Observable, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { encodeHeartBeat, makeSequence } from '../protocol/client-frames.js';

/** §7: the server drops a socket after 180 s without a HeartBeat; 60 s is recommended. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 60_000;
/** §7 [I]: stay safely below the server's 180 s. */
export const MAX_HEARTBEAT_INTERVAL_MS = 170_000;

/**
 * One HeartBeat ready to send: its `sequence` (the ms timestamp, zero-padded, §5.2) and the JSON text.
 * @category Transport
 */
export interface OutgoingHeartBeat {
  readonly sequence: string;
  readonly frame: string;
}

/**
 * Emits a HeartBeat frame every `intervalMs` (the first one after one interval), built at the
 * scheduler's current time. Merge it into a socket's outgoing side; it stops when unsubscribed.
 *
 * @example
 * ```ts
 * heartbeat(60_000).subscribe((beat) => socket.send(beat.frame));
 * ```
 * @category Transport
 */
export function heartbeat(
  intervalMs: number = DEFAULT_HEARTBEAT_INTERVAL_MS,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<OutgoingHeartBeat> {
  // `interval(intervalMs).pipe(map(…))` in one scheduled action: every live socket holds one.
  return new Observable<OutgoingHeartBeat>((subscriber) =>
    scheduler.schedule(function beat(this: SchedulerAction<undefined>) {
      const sequence = makeSequence(scheduler.now());
      subscriber.next({ sequence, frame: encodeHeartBeat(sequence) });
      this.schedule(undefined, intervalMs);
    }, intervalMs),
  );
}
