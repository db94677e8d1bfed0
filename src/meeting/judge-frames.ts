/**
 * The operator that judges one socket's decoded frames (PROTOCOL.md §6, §8, Appendix B).
 */
import { Observable, type OperatorFunction } from 'rxjs';
import type { MeetingError } from '../errors.js';
import type { Notify, ServerFrame } from '../protocol/messages.js';
import { redactSecrets } from '../protocol/redact.js';
import { createVersionGuard } from '../state/version-check.js';
import { type LinkEvent, linkWarning, PHASE } from './link-events.js';

/** §8: a `Destroyed` status push ends the meeting. */
const ENDED: MeetingError = {
  code: 'MEETING_ENDED',
  via: 'destroyed',
  message: 'the meeting ended (ConfDynamicInfoNotify state Destroyed)',
};

/**
 * Turns one socket's decoded frames into link events:
 * - HeartBeat echoes and ConfControl replies are consumed (liveness has read the echoes already).
 * - A Subscribe reply with `returnCode` 0 makes the link `live`; any other code is a
 *   `SUBSCRIBE_FAILED` warning, then the same error fails the socket, which reconnects (§6.1).
 * - A push for another conference is dropped with `CONF_ID_MISMATCH` (Appendix B).
 * - Incremental pushes pass the version guard (§6.0): duplicates and stale ones are dropped, each
 *   with its warning; the first accepted push also makes the link `live`.
 * - A `Destroyed` status push is emitted, then the socket fails with `MEETING_ENDED` (§8).
 * Signals already in the stream pass unchanged. Each subscription has its own version guard: one
 * per socket, as the server numbers versions per socket (§9.5).
 */
export function judgeFrames(conferenceId: string): OperatorFunction<ServerFrame | LinkEvent, LinkEvent> {
  return (source) =>
    new Observable<LinkEvent>((subscriber) => {
      const guard = createVersionGuard();
      let live = false;
      const goLive = () => {
        if (live) return;
        live = true;
        subscriber.next(PHASE.live);
      };
      const accept = (frame: Notify) => {
        if (frame.confID !== '' && frame.confID !== conferenceId) {
          subscriber.next(
            linkWarning({
              code: 'CONF_ID_MISMATCH',
              action: frame.action,
              confID: frame.confID,
              expected: conferenceId,
              message: `${frame.action} for conference ${frame.confID}, expected ${conferenceId}; dropped`,
            }),
          );
          return;
        }
        const verdict = guard(frame);
        if (verdict.warning !== undefined) subscriber.next(linkWarning(verdict.warning));
        if (!verdict.apply) return;
        goLive();
        subscriber.next(frame);
        if (frame.action === 'ConfDynamicInfoNotify' && frame.data.state === 'Destroyed')
          subscriber.error(ENDED);
      };
      return source.subscribe({
        next: (frame) => {
          if ('kind' in frame) {
            subscriber.next(frame);
            return;
          }
          switch (frame.action) {
            case 'HeartBeat':
            case 'ConfControl':
              return;
            case 'Subscribe': {
              if (frame.returnCode === 0) {
                goLive();
                return;
              }
              // The server's text may echo a token (issue 14); the meeting masks its own secrets too.
              const returnDesc = frame.returnDesc === undefined ? undefined : redactSecrets(frame.returnDesc);
              const desc = returnDesc === undefined ? '' : ` ${returnDesc}`;
              const detail = {
                returnCode: frame.returnCode,
                ...(returnDesc === undefined ? {} : { returnDesc }),
                message: `Subscribe refused: returnCode ${frame.returnCode}${desc}`,
              };
              subscriber.next(linkWarning({ code: 'SUBSCRIBE_FAILED', ...detail }));
              subscriber.error({ code: 'SUBSCRIBE_FAILED', ...detail } satisfies MeetingError);
              return;
            }
            case 'UnknownNotify':
              goLive();
              subscriber.next(frame);
              return;
            default:
              accept(frame);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
