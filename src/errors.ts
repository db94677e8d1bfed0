/**
 * Every way a connection attempt can fail, as one tagged union (PROTOCOL.md §2.5, §3, §8). What
 * each failure means for the meeting (retried, ended, closed) is `meeting/failure-rules.ts`.
 *
 * Errors are plain readonly values with a string `code` (branch on it, never parse `message`).
 * No error ever carries a password or a token: messages are built from status codes, the service's
 * `error_code` / `error_msg` and close codes only.
 */

/**
 * Which REST call failed.
 * - `createConfToken`: the control-token call with the host password (§2).
 * - `keepAliveConfToken`: the same call carrying the current control token (§2.4).
 * - `createWebSocketToken`: the wsToken call (§3).
 * @category Errors
 */
export type RestCall = 'createConfToken' | 'keepAliveConfToken' | 'createWebSocketToken';

/**
 * Fields shared by the REST failures that got an HTTP answer.
 * @category Errors
 */
export interface RestAnswer {
  readonly call: RestCall;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The service's `error_code` (e.g. `MMC.111072065`), when the body had one. */
  readonly errorCode?: string;
  /** The service's `error_msg` (e.g. `CONF_NOT_FOUND_OR_AUTH_FAILED`), when the body had one. */
  readonly errorMsg?: string;
}

/**
 * Why a connection attempt failed. Branch on `code`:
 *
 * | code | meaning | fatal? |
 * |---|---|---|
 * | `REST_AUTH_FAILED` | a REST call was refused as unauthenticated (401/403, `MMC.111072065`, `MMC.111070004`, `MMC.118000001`) | only on the password call (`createConfToken`): a wrong password |
 * | `MEETING_NOT_FOUND` | a token call says the meeting does not exist or is not running (`MMC.111070005`) | yes |
 * | `REST_FAILED` | any other non-2xx answer | no |
 * | `REST_INVALID_RESPONSE` | a 2xx answer whose body could not be decoded | no |
 * | `NETWORK` | the request never got an answer (DNS, refused, reset) | no |
 * | `TIMEOUT` | a REST call or the WebSocket handshake took too long | no |
 * | `WS_CLOSED` | the socket closed; carries the close code and reason | close code 4004 only |
 * | `MEETING_ENDED` | a `Destroyed` status push or close code 4004 | yes |
 * | `SUBSCRIBE_FAILED` | the server answered Subscribe with a non-zero `returnCode` | no |
 * | `SUBSCRIBE_TIMEOUT` | the first Subscribe of a socket was neither answered nor followed by any push within 10 s (`SUBSCRIBE_REPLY_TIMEOUT_MS`) | no |
 * | `LIVENESS_TIMEOUT` | no frame within two heartbeat intervals, or no heartbeat echo in time (§7) | no |
 * | `RESYNC_TIMEOUT` | a fresh full message was requested by a second Subscribe (after a version gap) and did not come in time; the client reconnects to get one (§9.6) | no |
 * | `WS_URL_REJECTED` | the `wsURL` is not an absolute `ws:`/`wss:` URL (`reason: 'invalid'`), or is `ws:` from an `https:` gateway (`reason: 'insecure'`) | only `insecure` |
 * | `TOKEN_PROVIDER_FAILED` | a user-supplied `getTokens` failed | no |
 * | `UNEXPECTED` | anything else (a bug); the message is redacted | no |
 * @category Errors
 */
export type MeetingError =
  | ({ readonly code: 'REST_AUTH_FAILED'; readonly message: string } & RestAnswer)
  | ({ readonly code: 'MEETING_NOT_FOUND'; readonly message: string } & RestAnswer)
  | ({ readonly code: 'REST_FAILED'; readonly message: string } & RestAnswer)
  | {
      readonly code: 'REST_INVALID_RESPONSE';
      readonly call: RestCall;
      readonly status: number;
      readonly message: string;
    }
  | { readonly code: 'NETWORK'; readonly call?: RestCall; readonly message: string }
  | {
      readonly code: 'TIMEOUT';
      readonly operation: RestCall | 'websocketOpen';
      readonly afterMs: number;
      readonly message: string;
    }
  | {
      readonly code: 'WS_CLOSED';
      readonly closeCode: number;
      readonly reason: string;
      readonly wasClean: boolean;
      readonly message: string;
    }
  | { readonly code: 'MEETING_ENDED'; readonly via: 'destroyed' | 'close-4004'; readonly message: string }
  | {
      readonly code: 'SUBSCRIBE_FAILED';
      readonly returnCode: number;
      readonly returnDesc?: string;
      readonly message: string;
    }
  | { readonly code: 'SUBSCRIBE_TIMEOUT'; readonly afterMs: number; readonly message: string }
  | {
      readonly code: 'LIVENESS_TIMEOUT';
      readonly kind: 'silence' | 'no-echo';
      readonly afterMs: number;
      readonly message: string;
    }
  | {
      readonly code: 'RESYNC_TIMEOUT';
      /** The push type whose full message did not come. */
      readonly action: string;
      readonly afterMs: number;
      readonly message: string;
    }
  | {
      readonly code: 'WS_URL_REJECTED';
      /** `invalid`: not an absolute `ws:`/`wss:` URL; `insecure`: `ws:` from an `https:` gateway. */
      readonly reason: 'invalid' | 'insecure';
      readonly message: string;
    }
  | { readonly code: 'TOKEN_PROVIDER_FAILED'; readonly message: string }
  | { readonly code: 'UNEXPECTED'; readonly message: string };

/**
 * One `code` of {@link MeetingError}.
 * @category Errors
 */
export type MeetingErrorCode = MeetingError['code'];

/** §8 (simulator): the close code that means the conference is over. */
export const CLOSE_CODE_CONFERENCE_ENDED = 4004;

/** The numeric part of an `error_code` such as `MMC.111070005` (prefixes vary: MMC, USG). */
function errorNumber(errorCode: string | undefined): string {
  if (errorCode === undefined) return '';
  const dot = errorCode.lastIndexOf('.');
  return dot === -1 ? errorCode.trim() : errorCode.slice(dot + 1).trim();
}

/** §2.5: codes that mean "who you are was not accepted". */
const AUTH_ERROR_NUMBERS = new Set(['111072065', '111070004', '118000001', '111070111']);
/** §2.5: "meeting does not exist" (the simulator also uses it for "not started or ended", §8). */
const NOT_FOUND_ERROR_NUMBER = '111070005';

/**
 * Turns a non-2xx REST answer into a typed error. Only status, `error_code` and `error_msg` go into
 * the message; the URL and headers (which carry tokens and the password) never do.
 * @category Errors
 */
export function restError(
  call: RestCall,
  status: number,
  body?: { readonly error_code: string; readonly error_msg: string },
): MeetingError {
  const errorCode = body?.error_code;
  const errorMsg = body?.error_msg;
  const detail = body === undefined ? `HTTP ${status}` : `HTTP ${status} ${errorCode} ${errorMsg}`;
  const answer = {
    call,
    status,
    ...(errorCode === undefined ? {} : { errorCode }),
    ...(errorMsg === undefined ? {} : { errorMsg }),
  };
  const number = errorNumber(errorCode);
  if (number === NOT_FOUND_ERROR_NUMBER) {
    return {
      code: 'MEETING_NOT_FOUND',
      message: `${call}: meeting not found or not running (${detail})`,
      ...answer,
    };
  }
  if (AUTH_ERROR_NUMBERS.has(number) || status === 401 || status === 403) {
    return { code: 'REST_AUTH_FAILED', message: `${call}: authentication failed (${detail})`, ...answer };
  }
  return { code: 'REST_FAILED', message: `${call}: request failed (${detail})`, ...answer };
}

/**
 * The error for a closed WebSocket; close code 4004 becomes {@link MeetingError} `MEETING_ENDED`.
 * @category Errors
 */
export function closeError(closeCode: number, reason: string, wasClean: boolean): MeetingError {
  if (closeCode === CLOSE_CODE_CONFERENCE_ENDED) {
    return { code: 'MEETING_ENDED', via: 'close-4004', message: `the server closed the socket: ${reason}` };
  }
  return {
    code: 'WS_CLOSED',
    closeCode,
    reason,
    wasClean,
    message: `WebSocket closed with code ${closeCode}${reason === '' ? '' : ` (${reason})`}`,
  };
}

const MEETING_ERROR_CODES: ReadonlySet<string> = new Set<MeetingErrorCode>([
  'REST_AUTH_FAILED',
  'MEETING_NOT_FOUND',
  'REST_FAILED',
  'REST_INVALID_RESPONSE',
  'NETWORK',
  'TIMEOUT',
  'WS_CLOSED',
  'MEETING_ENDED',
  'SUBSCRIBE_FAILED',
  'SUBSCRIBE_TIMEOUT',
  'LIVENESS_TIMEOUT',
  'RESYNC_TIMEOUT',
  'WS_URL_REJECTED',
  'TOKEN_PROVIDER_FAILED',
  'UNEXPECTED',
]);

/**
 * Whether `value` is a {@link MeetingError}.
 * @category Errors
 */
export function isMeetingError(value: unknown): value is MeetingError {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && MEETING_ERROR_CODES.has(code);
}

/**
 * Any thrown value as a {@link MeetingError}; foreign values become `UNEXPECTED` with a message
 * passed through `redact` (so a token inside some library's error text cannot leak).
 * @category Errors
 */
export function toMeetingError(value: unknown, redact: (text: string) => string): MeetingError {
  if (isMeetingError(value)) return value;
  const text = value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  return { code: 'UNEXPECTED', message: redact(text) };
}
