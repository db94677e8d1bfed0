/**
 * The connection's lifecycle as values on `meeting.status$` (issue 3, PROTOCOL.md §1).
 */
import type { MeetingError } from '../errors.js';

/**
 * Where the meeting's connection is. Branch on `phase`:
 *
 * | phase | meaning |
 * |---|---|
 * | `idle` | nobody subscribes to a data stream; no socket (the start, and after the grace period) |
 * | `connecting` | getting the control token and the single-use WebSocket token (§2, §3) |
 * | `opening` | the WebSocket handshake is under way (§4) |
 * | `subscribing` | the socket is open and the Subscribe frame is sent (§5.1) |
 * | `live` | the server accepted the subscription or started pushing |
 * | `reconnecting` | the last attempt failed; the next one starts after `delayMs` |
 * | `ended` | the meeting is over (§8); every stream has completed |
 * | `closed` | `close()` was called, or the client gave up (a wrong password, `maxAttempts` spent); every stream has completed |
 *
 * `lastError` is the most recent failure (redacted by construction), kept until the next `live`.
 * @category Meeting
 */
export type MeetingStatus =
  | {
      readonly phase: 'idle' | 'connecting' | 'opening' | 'subscribing' | 'live';
      readonly lastError?: MeetingError;
    }
  | {
      readonly phase: 'reconnecting';
      /** 1 for the first retry after a failure, counting up until a healthy period resets it. */
      readonly attempt: number;
      /** How long the client waits before that attempt. */
      readonly delayMs: number;
      readonly lastError: MeetingError;
    }
  | { readonly phase: 'ended' | 'closed'; readonly lastError?: MeetingError };

/**
 * One `phase` of {@link MeetingStatus}.
 * @category Meeting
 */
export type MeetingPhase = MeetingStatus['phase'];
