/**
 * The operator that turns a socket's received frames into decoded server frames (PROTOCOL.md §5, §6).
 */
import { Observable, type OperatorFunction } from 'rxjs';
import { decodeServerFrame } from '../protocol/decode-server-frame.js';
import type { ServerFrame } from '../protocol/messages.js';
import type { SecretRedactor } from '../protocol/redact.js';
import { MAX_KEPT_DEPTH, sanitizeKept } from '../protocol/sanitize-kept.js';
import type { ConnectionEvent } from '../transport/connection.js';
import { type LinkEvent, linkWarning } from './link-events.js';

/** A received frame of {@link ConnectionEvent}. */
export type ReceivedFrame = Exclude<ConnectionEvent, { type: 'open' }>;

/** The replies, whose every field is typed: nothing in them is kept beyond the documented fields. */
const REPLIES: ReadonlySet<string> = new Set(['HeartBeat', 'Subscribe', 'ConfControl']);

/**
 * Decodes each received frame: a frame that cannot be decoded, or is larger than `maxFrameBytes`,
 * becomes a `DECODE_FAILED` warning in its place (bad input is a value, and the socket goes on).
 * A decoded push is made safe to print and to stringify (`sanitizeKept`): values under
 * secret-looking keys become `Secret`s, nesting deeper than `MAX_KEPT_DEPTH` is cut, and a cut is
 * told by a `VALUE_CUT` warning after the push; when the frame's text mentions one of `secrets`
 * (the meeting's redactor: its password, its tokens, a token shape), every string in the push is
 * redacted too. Values that are already link events (the side
 * streams' signals) pass unchanged.
 */
export function decodeFrames(
  maxFrameBytes: number,
  secrets?: Pick<SecretRedactor, 'mentions' | 'redactLeaf'>,
): OperatorFunction<ReceivedFrame | LinkEvent, ServerFrame | LinkEvent> {
  return (source) =>
    new Observable<ServerFrame | LinkEvent>((subscriber) =>
      source.subscribe({
        next: (event) => {
          // Link events carry an `action` (pushes) or a `kind` (signals); received frames neither.
          if ('action' in event || 'kind' in event) {
            subscriber.next(event);
            return;
          }
          if (event.type !== 'message') {
            const message = `frame of ${event.bytes} bytes exceeds maxFrameBytes ${maxFrameBytes}`;
            subscriber.next(
              linkWarning({
                code: 'DECODE_FAILED',
                error: { code: 'FRAME_TOO_LARGE', path: '', message },
                message,
              }),
            );
            return;
          }
          const decoded = decodeServerFrame(event.text);
          if (decoded._tag === 'Left') {
            subscriber.next(
              linkWarning({ code: 'DECODE_FAILED', error: decoded.left, message: decoded.left.message }),
            );
            return;
          }
          const frame = decoded.right;
          if (REPLIES.has(frame.action)) {
            subscriber.next(frame);
            return;
          }
          const safe = sanitizeKept(frame, secrets?.mentions(event.text) ? secrets.redactLeaf : undefined);
          subscriber.next(safe.value);
          if (safe.cut > 0) {
            const action = frame.action === 'UnknownNotify' ? frame.rawAction : frame.action;
            subscriber.next(
              linkWarning({
                code: 'VALUE_CUT',
                action,
                cut: safe.cut,
                message: `${action}: ${safe.cut} value(s) nested deeper than ${MAX_KEPT_DEPTH} levels were cut`,
              }),
            );
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    );
}
