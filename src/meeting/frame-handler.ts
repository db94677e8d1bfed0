/**
 * What the client does with each decoded frame of one socket (PROTOCOL.md §6, §8, Appendix B).
 */

import type { MeetingError } from '../errors.js';
import type { Notify, ServerFrame, UnknownNotify } from '../protocol/messages.js';
import { createVersionGuard } from '../state/version-check.js';
import type { MeetingWarning } from './warnings.js';

/**
 * A push as delivered on the meeting's streams.
 * @category Meeting
 */
export type Push = Notify | UnknownNotify;

/** The hooks the handler reports and delivers through. */
export interface FrameHandlerHooks {
  /** The conference the socket subscribed to. */
  readonly conferenceId: string;
  /** Hands a push to the meeting's streams. */
  readonly deliver: (push: Push) => void;
  readonly warn: (warning: MeetingWarning) => void;
  /** The server accepted the subscription or started pushing. */
  readonly live: () => void;
  /** Called with each full (`msgMode` 0) push just before it is delivered. */
  readonly full: (push: Push) => void;
  /**
   * Whether this socket is still the meeting's current one; pushes of a superseded socket are
   * dropped (stale-socket fencing).
   */
  readonly current: () => boolean;
  /** Ends the socket's session with this error (it reconnects, or stops when the meeting ended). */
  readonly fail: (error: MeetingError) => void;
}

const ENDED: MeetingError = {
  code: 'MEETING_ENDED',
  via: 'destroyed',
  message: 'the meeting ended (ConfDynamicInfoNotify state Destroyed)',
};

/**
 * Makes the handler of one socket's decoded frames: it delivers them as pushes, through
 * `hooks.deliver`:
 * - `undefined` (a frame that could not be decoded, already warned about) is skipped.
 * - HeartBeat echoes and ConfControl replies are consumed (liveness reads echoes before this).
 * - A Subscribe reply with `returnCode` 0 marks the session live; any other code is warned about
 *   and fails the session (`hooks.fail`) with `SUBSCRIBE_FAILED`, so it reconnects (§6.1).
 * - A push for another conference is dropped with `CONF_ID_MISMATCH` (Appendix B).
 * - Incremental pushes pass the version guard (§6.0): duplicates and stale ones are dropped.
 * - A `Destroyed` status push is delivered, then the session fails with `MEETING_ENDED` (§8).
 * Make one per socket: it holds that socket's version guard. Each frame is judged and delivered in
 * one synchronous call. Pushes go to `deliver` rather than down a stream because the session's
 * Observable is about the link's life (it fails, it is retried); a push passing through the retry
 * and connection operators on its way out would pay a hop in each of them.
 */
export function frameHandler(hooks: FrameHandlerHooks): (frame: ServerFrame | undefined) => void {
  const guard = createVersionGuard();
  let live = false;
  /** Reports `live` once per socket; the hook itself is idempotent, this only saves the calls. */
  const goLive = () => {
    if (live) return;
    live = true;
    hooks.live();
  };

  /** §6.1: the server refused the subscription. */
  const refused = (returnCode: number, returnDesc: string | undefined): void => {
    const desc = returnDesc === undefined ? '' : ` ${returnDesc}`;
    const message = `Subscribe refused: returnCode ${returnCode}${desc}`;
    const detail = { returnCode, ...(returnDesc === undefined ? {} : { returnDesc }), message };
    hooks.warn({ code: 'SUBSCRIBE_FAILED', ...detail });
    hooks.fail({ code: 'SUBSCRIBE_FAILED', ...detail });
  };

  /** The push to deliver for `frame`, or `undefined`. */
  const toPush = (frame: ServerFrame): Push | undefined => {
    switch (frame.action) {
      case 'HeartBeat':
      case 'ConfControl':
        return undefined;
      case 'Subscribe':
        if (frame.returnCode === 0) goLive();
        else refused(frame.returnCode, frame.returnDesc);
        return undefined;
      case 'UnknownNotify':
        goLive();
        return frame;
      default:
        return accepted(frame);
    }
  };

  /** `frame` if it is this conference's and passes the version guard. */
  const accepted = (frame: Notify): Push | undefined => {
    if (frame.confID !== '' && frame.confID !== hooks.conferenceId) {
      hooks.warn({
        code: 'CONF_ID_MISMATCH',
        action: frame.action,
        confID: frame.confID,
        expected: hooks.conferenceId,
        message: `${frame.action} for conference ${frame.confID}, expected ${hooks.conferenceId}; dropped`,
      });
      return undefined;
    }
    const verdict = guard(frame);
    if (verdict.warning !== undefined) hooks.warn(verdict.warning);
    if (!verdict.apply) return undefined;
    goLive();
    return frame;
  };

  return (frame) => {
    if (frame === undefined) return;
    const push = toPush(frame);
    if (push === undefined || !hooks.current()) return;
    if (push.action !== 'UnknownNotify' && push.msgMode === 0) hooks.full(push);
    hooks.deliver(push);
    if (push.action === 'ConfDynamicInfoNotify' && push.data.state === 'Destroyed') hooks.fail(ENDED);
  };
}
