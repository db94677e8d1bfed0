/**
 * Things worth knowing that do not stop the meeting's streams (PROTOCOL.md §6.0, §6.1, Appendix B).
 * They arrive on `meeting.warnings$` as values; no warning is ever a stream error.
 */
import type { FrameDecodeError } from '../protocol/decode-error.js';
import type { VersionWarning } from '../state/version-check.js';
import type { StateWarning } from '../state/warnings.js';

/**
 * A warning on `meeting.warnings$`. Branch on `code`:
 *
 * | code | meaning | what happened to the frame |
 * |---|---|---|
 * | `DECODE_FAILED` | a frame could not be decoded, or was larger than `maxFrameBytes` | ignored |
 * | `DUPLICATE_VERSION` | an incremental push repeated the last `version` of its type | dropped |
 * | `STALE_VERSION` | an incremental push had a lower `version` than the last one of its type | dropped; for a list type the client resyncs (`healGaps`) |
 * | `VERSION_GAP` | an incremental push skipped one or more versions (a message may be lost) | delivered; for a list type the client resyncs (`healGaps`) |
 * | `UNKNOWN_REMOVE` | a state stream was told to remove a pid or attendee it does not hold | nothing to remove |
 * | `UPDATE_UNKNOWN_WITHOUT_NAME` | a state stream got a change for an unknown pid without `NAME` | the person is created anyway |
 * | `ATTENDEE_WITHOUT_ID` | an attendee item had no `userUUID`, `participantID` or `phone` | skipped by `attendeeList$` |
 * | `CONF_ID_MISMATCH` | a push named another conference than the one subscribed | dropped |
 * | `SUBSCRIBE_FAILED` | the server refused a Subscribe frame; the client reconnects | — |
 * | `SUBSCRIBE_UNANSWERED` | the first Subscribe of a socket got no reply within 10 s; without any push either the socket fails with `SUBSCRIBE_TIMEOUT` and the client reconnects | — |
 * | `HEAL_GAVE_UP` | `MAX_WASTED_HEALS` (3) heals of a list type in a row were each followed by 5 lost versions without a push in sequence; no more heals of that type on this socket | delivered and folded as before; gaps still warned |
 * | `WARNINGS_SUPPRESSED` | more than `MAX_WARNINGS_PER_CODE` (10) warnings of one code came within `WARNING_WINDOW_MS` (1 s); carries the code and how many were not told one by one | — |
 * | `VALUE_CUT` | a push held values nested deeper than `MAX_KEPT_DEPTH` (32) levels | delivered, each such value replaced by `CUT_MARKER` |
 * @category Meeting
 */
export type MeetingWarning =
  | { readonly code: 'DECODE_FAILED'; readonly error: FrameDecodeError; readonly message: string }
  | VersionWarning
  | ItemWarning
  | {
      readonly code: 'CONF_ID_MISMATCH';
      readonly action: string;
      readonly confID: string;
      readonly expected: string;
      readonly message: string;
    }
  | {
      readonly code: 'SUBSCRIBE_FAILED';
      readonly returnCode: number;
      readonly returnDesc?: string;
      readonly message: string;
    }
  | { readonly code: 'SUBSCRIBE_UNANSWERED'; readonly afterMs: number; readonly message: string }
  | {
      readonly code: 'HEAL_GAVE_UP';
      readonly action: string;
      /** How many heals in a row were wasted. */
      readonly heals: number;
      readonly message: string;
    }
  | {
      readonly code: 'WARNINGS_SUPPRESSED';
      /** The code of the warnings not told one by one. */
      readonly suppressedCode: string;
      readonly count: number;
      readonly windowMs: number;
      readonly message: string;
    }
  | {
      readonly code: 'VALUE_CUT';
      /** The push's action (an unknown push's own `action`). */
      readonly action: string;
      /** How many values were cut. */
      readonly cut: number;
      readonly message: string;
    };

/**
 * A problem with one item found while folding a push into the state streams (`roster$`,
 * `waitingRoom$`, `attendeeList$`); see {@link StateWarning}. Version problems are reported once,
 * by the socket's guard, as {@link VersionWarning}s.
 * @category Meeting
 */
export type ItemWarning = StateWarning & {
  readonly code: 'UNKNOWN_REMOVE' | 'UPDATE_UNKNOWN_WITHOUT_NAME' | 'ATTENDEE_WITHOUT_ID';
};

/**
 * One `code` of {@link MeetingWarning}.
 * @category Meeting
 */
export type MeetingWarningCode = MeetingWarning['code'];
