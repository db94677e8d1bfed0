/**
 * The one place that says what a failure of the meeting's connection means (PROTOCOL.md §2.5, §3,
 * §6.1, §8): as graphql-ws keeps its retry decision in one function.
 */
import { isMeetingError, type MeetingError } from '../errors.js';

/** What a {@link MeetingError} means for the meeting; see {@link failureRule}. */
export interface FailureRule {
  /** Whether the connection is tried again (with backoff); otherwise the meeting stops. */
  readonly retry: boolean;
  /** How the meeting stops when it is not retried: `ended` (the meeting is over) or `closed`. */
  readonly stopsAs: 'ended' | 'closed';
  /** Whether the held control token must not be reused: the next attempt starts with the password. */
  readonly dropControlToken: boolean;
}

/** §8 (simulator): close code 4003 says the token or the subscription was refused. */
const CLOSE_CODE_AUTH_REFUSED = 4003;

const RETRY: FailureRule = { retry: true, stopsAs: 'closed', dropControlToken: false };
const RETRY_WITH_NEW_TOKEN: FailureRule = { retry: true, stopsAs: 'closed', dropControlToken: true };
const ENDED: FailureRule = { retry: false, stopsAs: 'ended', dropControlToken: true };
const CLOSED: FailureRule = { retry: false, stopsAs: 'closed', dropControlToken: true };

/**
 * The rule for `error`:
 *
 * | error | retry? | stops as | drops the held control token? |
 * |---|---|---|---|
 * | `MEETING_ENDED`, `MEETING_NOT_FOUND` | no | `ended` | — |
 * | `REST_AUTH_FAILED` on the password call | no (a wrong password stays wrong; retries could lock the account) | `closed` | — |
 * | `REST_AUTH_FAILED` on a token call | yes | | yes: the control token went stale |
 * | `SUBSCRIBE_FAILED`, `WS_CLOSED` 4003 | yes | | yes: the server refused the token |
 * | `WS_URL_REJECTED` `insecure` (a `ws://` socket from an `https:` gateway) | no (retrying would only ask again) | `closed` | — |
 * | anything else | yes | | no |
 *
 * A meeting whose retries are spent (`reconnect.maxAttempts`) stops as `closed`.
 * @category Errors
 */
export function failureRule(error: MeetingError): FailureRule {
  switch (error.code) {
    case 'MEETING_ENDED':
    case 'MEETING_NOT_FOUND':
      return ENDED;
    case 'REST_AUTH_FAILED':
      return error.call === 'createConfToken' ? CLOSED : RETRY_WITH_NEW_TOKEN;
    case 'SUBSCRIBE_FAILED':
      return RETRY_WITH_NEW_TOKEN;
    case 'WS_CLOSED':
      return error.closeCode === CLOSE_CODE_AUTH_REFUSED ? RETRY_WITH_NEW_TOKEN : RETRY;
    case 'WS_URL_REJECTED':
      return error.reason === 'insecure' ? CLOSED : RETRY;
    default:
      return RETRY;
  }
}

/**
 * Whether an error stops the meeting instead of being retried: `!failureRule(error).retry` for a
 * {@link MeetingError}; anything else is retried.
 * @example
 * ```ts
 * meeting.status$.subscribe((s) => s.lastError && isFatal(s.lastError) && alert(s.lastError.message));
 * ```
 * @category Errors
 */
export function isFatal(error: unknown): boolean {
  return isMeetingError(error) && !failureRule(error).retry;
}
