/**
 * The operator that turns a socket's received frames into decoded server frames (PROTOCOL.md §5, §6).
 */
import { map, type OperatorFunction } from 'rxjs';
import { decodeServerFrame } from '../protocol/decode-server-frame.js';
import type { ServerFrame } from '../protocol/messages.js';
import type { ConnectionEvent } from '../transport/connection.js';
import { type LinkEvent, linkWarning } from './link-events.js';

/** A received frame of {@link ConnectionEvent}. */
export type ReceivedFrame = Exclude<ConnectionEvent, { type: 'open' }>;

/**
 * Decodes each received frame: a frame that cannot be decoded, or is larger than `maxFrameBytes`,
 * becomes a `DECODE_FAILED` warning in its place (bad input is a value, and the socket goes on).
 * Values that are already link events (the side streams' signals) pass unchanged.
 */
export function decodeFrames(
  maxFrameBytes: number,
): OperatorFunction<ReceivedFrame | LinkEvent, ServerFrame | LinkEvent> {
  return map((event) => {
    // Link events carry an `action` (pushes) or a `kind` (signals); received frames neither.
    if ('action' in event || 'kind' in event) return event;
    if (event.type === 'message') {
      const decoded = decodeServerFrame(event.text);
      if (decoded._tag === 'Right') return decoded.right;
      return linkWarning({ code: 'DECODE_FAILED', error: decoded.left, message: decoded.left.message });
    }
    const message = `frame of ${event.bytes} bytes exceeds maxFrameBytes ${maxFrameBytes}`;
    return linkWarning({
      code: 'DECODE_FAILED',
      error: { code: 'FRAME_TOO_LARGE', path: '', message },
      message,
    });
  });
}
