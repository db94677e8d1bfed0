/**
 * The operator that notices a Subscribe never answered (PROTOCOL.md §6.1, issue 14): a server that
 * echoes heartbeats but neither answers Subscribe nor pushes would otherwise leave the link in
 * `subscribing` for ever, with no word.
 */
import { type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { MeetingError } from '../errors.js';
import type { ServerFrame } from '../protocol/messages.js';
import { type LinkEvent, linkWarning, PHASE } from './link-events.js';

/**
 * How long the first Subscribe of a socket may go unanswered, ms: then a `SUBSCRIBE_UNANSWERED`
 * warning, and, if no push came either, the socket fails with `SUBSCRIBE_TIMEOUT` and the meeting
 * reconnects.
 * @category Meeting
 */
export const SUBSCRIBE_REPLY_TIMEOUT_MS = 10_000;

/** Options of {@link subscribeDeadline}. */
export interface SubscribeDeadlineOptions {
  /** @defaultValue SUBSCRIBE_REPLY_TIMEOUT_MS */
  readonly timeoutMs?: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Passes one socket's decoded frames and signals on unchanged, and times the first Subscribe
 * (from the `subscribing` signal): a Subscribe reply in time ends the wait; otherwise, once
 * `timeoutMs` has passed, a `SUBSCRIBE_UNANSWERED` warning follows, then — if no push came either —
 * a `SUBSCRIBE_TIMEOUT` error. Pushes without a reply keep the socket (the service may push
 * without answering, §6.1). Unsubscribing cancels the wait.
 */
export function subscribeDeadline(
  options: SubscribeDeadlineOptions,
): MonoTypeOperatorFunction<ServerFrame | LinkEvent> {
  const timeoutMs = options.timeoutMs ?? SUBSCRIBE_REPLY_TIMEOUT_MS;
  return (source) =>
    new Observable<ServerFrame | LinkEvent>((subscriber) => {
      let deadline: Subscription | undefined;
      let started = false;
      let pushed = false;
      const expire = () => {
        deadline = undefined;
        const what = pushed ? 'the pushes go on' : 'and nothing was pushed; reconnecting';
        subscriber.next(
          linkWarning({
            code: 'SUBSCRIBE_UNANSWERED',
            afterMs: timeoutMs,
            message: `Subscribe not answered within ${timeoutMs} ms; ${what}`,
          }),
        );
        if (pushed) return;
        const error: MeetingError = {
          code: 'SUBSCRIBE_TIMEOUT',
          afterMs: timeoutMs,
          message: `Subscribe not answered and nothing pushed within ${timeoutMs} ms`,
        };
        subscriber.error(error);
      };
      subscriber.add(
        source.subscribe({
          next: (frame) => {
            if (frame === PHASE.subscribing && !started) {
              started = true;
              deadline = options.scheduler.schedule(expire, timeoutMs);
            } else if ('action' in frame) {
              if (frame.action === 'Subscribe') {
                deadline?.unsubscribe();
                deadline = undefined;
              } else if (frame.action !== 'HeartBeat' && frame.action !== 'ConfControl') {
                pushed = true;
              }
            }
            subscriber.next(frame);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      );
      subscriber.add(() => deadline?.unsubscribe());
    });
}
