/**
 * The options of {@link connectMeeting}, and their defaults resolved in one place.
 */
import { asyncScheduler, type ObservableInput, type SchedulerLike } from 'rxjs';
import { DEFAULT_BASE_URL, DEFAULT_REST_TIMEOUT_MS, defaultFetch } from '../auth/rest-options.js';
import type { Secret } from '../security/secret.js';
import { toSecret } from '../security/secret.js';
import { DEFAULT_MAX_FRAME_BYTES } from '../transport/connection.js';
import type { FetchLike } from '../transport/fetch-like.js';
import { DEFAULT_HEARTBEAT_INTERVAL_MS, MAX_HEARTBEAT_INTERVAL_MS } from '../transport/heartbeat.js';
import { type BackoffSchedule, resolveBackoffSchedule } from '../transport/retry-with-backoff.js';
import type { TlsOptions } from '../transport/tls-options.js';
import { trustingFetch, trustingWebSocket } from '../transport/trusting-transport.js';
import type { WebSocketConstructor } from '../transport/websocket-like.js';
import { checkedChoice, checkedNumber } from './option-checks.js';

/** The default of {@link ConnectMeetingOptions.healTimeoutMs}: "a few seconds" (issue 7, §10.1). */
export const DEFAULT_HEAL_TIMEOUT_MS = 5000;
/**
 * The shortest interval or timeout (ms) `connectMeeting` accepts for `heartbeatIntervalMs`,
 * `livenessTimeoutMs`, `healTimeoutMs`, `restTimeoutMs` and `handshakeTimeoutMs`: anything
 * shorter is a loop, not a timer (issue 14).
 * @category Meeting
 */
export const MIN_TIMER_MS = 10;

/**
 * Tokens for one connection attempt, from a source of the user's choosing (e.g. a browser page
 * asking its own backend, so the host password never reaches the browser).
 * @category Meeting
 */
export interface SuppliedTokens {
  /** The `wsURL` of the control-token answer (§2.2). */
  readonly wsURL: string;
  /** A valid meeting control token (§2); sent in the Subscribe frame. */
  readonly confToken: Secret | string;
  /**
   * A fresh single-use WebSocket token (§3). When absent, the client fetches one itself from
   * `baseUrl` with `confToken`.
   */
  readonly webSocketToken?: Secret | string;
}

/**
 * Called once per connection attempt; must return tokens not used before.
 * @category Meeting
 */
export type TokenProvider = (context: { readonly conferenceId: string }) => ObservableInput<SuppliedTokens>;

/**
 * How reconnection waits between attempts; each field, with its default, is documented on
 * `RetryWithBackoffOptions` (in `huawei-meeting-rx/operators`). Once `maxAttempts` retries in a row have failed, the client gives
 * up: status `closed`, every stream completes. `connectMeeting` checks them: `initialDelayMs` and
 * `maxDelayMs` finite and at least 1, `factor` finite and at least 1, `maxAttempts` a whole number
 * from 0 (or `Infinity`), `resetAfterMs` finite and at least 0, `jitter` `'full'` or `'none'`;
 * anything else throws a `TypeError` naming the option.
 * @category Meeting
 */
export type ReconnectOptions = BackoffSchedule;

/**
 * Options of {@link connectMeeting}. Give either `hostPassword` or `getTokens`.
 * @category Meeting
 */
export interface ConnectMeetingOptions {
  /** The conference ID of a running meeting. */
  readonly conferenceId: string;
  /**
   * The host (chair) password, exchanged for a control token (§2). Prefer a {@link Secret}; it is
   * never printed, logged or put into an error either way.
   * @defaultValue none
   */
  readonly hostPassword?: string | Secret;
  /**
   * Instead of a password: supplies the tokens for each connection attempt.
   * @defaultValue none
   */
  readonly getTokens?: TokenProvider;
  /**
   * The REST gateway; `http://127.0.0.1:PORT` for the simulator.
   * @defaultValue 'https://api.meeting.huaweicloud.com'
   */
  readonly baseUrl?: string;
  /**
   * The push types to subscribe to, fixed. When absent the Subscribe frame follows the streams
   * that have subscribers (plus `ConfDynamicInfoNotify`, which tells when the meeting ends) and is
   * sent again whenever that set changes.
   * @defaultValue follow the live subscribers
   */
  readonly notifyTypes?: readonly string[];
  /**
   * How often a HeartBeat is sent, ms; clamped to at most 170 000 (§7: the server gives up after 180 s);
   * below `MIN_TIMER_MS` (10), or not a number, `connectMeeting` throws a `TypeError`.
   * @defaultValue 60000
   */
  readonly heartbeatIntervalMs?: number;
  /**
   * A HeartBeat not echoed within this long means the link is dead, ms (§7). Silence of two
   * heartbeat intervals means the same. At least `MIN_TIMER_MS` (10).
   * @defaultValue 30000
   */
  readonly livenessTimeoutMs?: number;
  /** Backoff between reconnection attempts. */
  readonly reconnect?: ReconnectOptions;
  /**
   * Heal version gaps (§6.0): when an incremental push of a list type (participants, attendees,
   * media quality, waiting room) skips a `version`, or arrives late (stale: if it was reordered,
   * dropping it lost its change), send Subscribe again on the same socket to get a fresh full
   * message of that type, and reconnect if none comes within `healTimeoutMs` (§9.6: whether a
   * second Subscribe yields a snapshot on the real service is unknown). With `false` gaps are only
   * reported on `warnings$`.
   * @defaultValue true
   */
  readonly healGaps?: boolean;
  /**
   * How long to wait for the full message a second Subscribe asked for before reconnecting, ms; also
   * the least time between two heals of one push type. At least `MIN_TIMER_MS` (10).
   * @defaultValue 5000
   */
  readonly healTimeoutMs?: number;
  /**
   * After the last subscriber leaves, the socket stays open this long in case another comes, ms; at least 0.
   * @defaultValue 1000
   */
  readonly idleGraceMs?: number;
  /**
   * A REST call without an answer after this long fails with `TIMEOUT`, ms. At least `MIN_TIMER_MS` (10).
   * @defaultValue 10000
   */
  readonly restTimeoutMs?: number;
  /**
   * A WebSocket handshake not completed after this long fails with `TIMEOUT`, ms. At least
   * `MIN_TIMER_MS` (10).
   * @defaultValue 10000
   */
  readonly handshakeTimeoutMs?: number;
  /**
   * Frames larger than this (bytes) are dropped with a `DECODE_FAILED` warning (`ws` closes the
   * socket with 1009 instead). A whole number, at least 1.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxFrameBytes?: number;
  /**
   * The WebSocket implementation. The default differs by build, not by the globals present: the
   * Node.js build always uses `ws`, on every Node version (Node 22+'s global `WebSocket` is not
   * used), with `maxFrameBytes` as its `maxPayload` (a larger frame closes the socket with 1009
   * before it is buffered) and permessage-deflate off; the browser build uses the platform's
   * `WebSocket`, whose frames are checked against `maxFrameBytes` after receipt and dropped with a
   * `DECODE_FAILED` warning. One passed here replaces either, and the `tls` socket too; its
   * frames get only that after-receipt check.
   * @defaultValue on Node.js the `ws` package (with `maxPayload`, no permessage-deflate); in the
   *   browser build `globalThis.WebSocket`
   */
  readonly WebSocket?: WebSocketConstructor;
  /**
   * The HTTP client. Pass `globalThis.fetch` on Node.js to go through undici instead (e.g. for a
   * proxy set with its global dispatcher).
   * @defaultValue on Node.js, a client on `node:http` / `node:https` (certificates verified against
   *   Node's roots, plus `tls.ca` when given); elsewhere `globalThis.fetch`
   */
  readonly fetch?: FetchLike;
  /**
   * Where every timer runs (heartbeat, liveness, backoff, grace, timeouts).
   * @defaultValue asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
  /**
   * Randomness for the backoff jitter, in [0, 1).
   * @defaultValue Math.random
   */
  readonly random?: () => number;
  /**
   * Node.js: certificate authorities to trust in addition to the built-in roots, for `https:` and
   * `wss:` (e.g. a corporate gateway, or the simulator's `certificate`). Certificates are always
   * verified; no option turns that off. Applies to the default `fetch` and `WebSocket` only: an
   * injected one brings its own trust.
   * @defaultValue none (Node's built-in roots)
   */
  readonly tls?: TlsOptions;
  /**
   * Allow a `ws://` socket although the tokens came from an `https:` gateway. Without it such a
   * `wsURL` fails the attempt with `WS_URL_REJECTED` (`reason: 'insecure'`, fatal): the wsToken and
   * the control token (full control of the meeting) would travel in clear. Only for a local
   * TLS-terminating proxy in front of a plain simulator; an `http:` gateway (the simulator without
   * TLS) may always give `ws://`, and tokens all supplied by `getTokens` are not checked.
   * @defaultValue false
   */
  readonly allowInsecureWebSocket?: boolean;
}

/** Where the tokens of each attempt come from. */
export type TokenSource =
  | { readonly kind: 'password'; readonly hostPassword: Secret }
  | { readonly kind: 'provider'; readonly getTokens: TokenProvider };

/** The options with every default applied; the password is a {@link Secret} from here on. */
export interface ResolvedMeetingOptions {
  readonly conferenceId: string;
  readonly tokenSource: TokenSource;
  readonly baseUrl: string;
  readonly notifyTypes: readonly string[] | undefined;
  readonly heartbeatIntervalMs: number;
  readonly livenessTimeoutMs: number;
  readonly reconnect: Required<ReconnectOptions>;
  readonly healGaps: boolean;
  readonly healTimeoutMs: number;
  readonly idleGraceMs: number;
  readonly restTimeoutMs: number;
  readonly handshakeTimeoutMs: number;
  readonly maxFrameBytes: number;
  readonly WebSocket: WebSocketConstructor | undefined;
  readonly fetch: FetchLike;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly allowInsecureWebSocket: boolean;
}

/**
 * Applies the defaults and checks every option, here and nowhere else. Throws a `TypeError`
 * (never quoting a secret) for a missing conference ID, when neither or both of `hostPassword`
 * and `getTokens` are given, and for a numeric option that is not a finite number in its range
 * (the message names the option, e.g. `heartbeatIntervalMs`, `reconnect.maxDelayMs`); see
 * "Options are checked" in docs/reconnection-and-errors.md for the ranges.
 */
export function resolveMeetingOptions(options: ConnectMeetingOptions): ResolvedMeetingOptions {
  if (typeof options.conferenceId !== 'string' || options.conferenceId === '') {
    throw new TypeError('connectMeeting: conferenceId is required');
  }
  const hasPassword = options.hostPassword !== undefined;
  const hasProvider = options.getTokens !== undefined;
  if (hasPassword === hasProvider) {
    throw new TypeError('connectMeeting: give exactly one of hostPassword and getTokens');
  }
  const tokenSource: TokenSource =
    options.getTokens !== undefined
      ? { kind: 'provider', getTokens: options.getTokens }
      : { kind: 'password', hostPassword: toSecret(options.hostPassword ?? '') };
  const timerRule = { min: MIN_TIMER_MS };
  const reconnect = options.reconnect ?? {};
  const defaults = resolveBackoffSchedule({});
  const maxFrameBytes = checkedNumber('maxFrameBytes', options.maxFrameBytes, DEFAULT_MAX_FRAME_BYTES, {
    min: 1,
    integer: true,
  });
  if (options.random !== undefined && typeof options.random !== 'function') {
    throw new TypeError('connectMeeting: random must be a function');
  }
  return {
    conferenceId: options.conferenceId,
    tokenSource,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    notifyTypes: options.notifyTypes,
    // Documented as clamped above (§7); below MIN_TIMER_MS, or not a number, it is refused.
    heartbeatIntervalMs: Math.min(
      MAX_HEARTBEAT_INTERVAL_MS,
      checkedNumber('heartbeatIntervalMs', options.heartbeatIntervalMs, DEFAULT_HEARTBEAT_INTERVAL_MS, {
        min: MIN_TIMER_MS,
        allowInfinity: true,
      }),
    ),
    livenessTimeoutMs: checkedNumber('livenessTimeoutMs', options.livenessTimeoutMs, 30_000, timerRule),
    reconnect: {
      initialDelayMs: checkedNumber(
        'reconnect.initialDelayMs',
        reconnect.initialDelayMs,
        defaults.initialDelayMs,
        {
          min: 1,
        },
      ),
      maxDelayMs: checkedNumber('reconnect.maxDelayMs', reconnect.maxDelayMs, defaults.maxDelayMs, {
        min: 1,
      }),
      factor: checkedNumber('reconnect.factor', reconnect.factor, defaults.factor, { min: 1 }),
      jitter: checkedChoice('reconnect.jitter', reconnect.jitter, defaults.jitter, ['full', 'none']),
      maxAttempts: checkedNumber('reconnect.maxAttempts', reconnect.maxAttempts, defaults.maxAttempts, {
        min: 0,
        integer: true,
        allowInfinity: true,
      }),
      resetAfterMs: checkedNumber('reconnect.resetAfterMs', reconnect.resetAfterMs, defaults.resetAfterMs, {
        min: 0,
      }),
    },
    healGaps: options.healGaps ?? true,
    healTimeoutMs: checkedNumber('healTimeoutMs', options.healTimeoutMs, DEFAULT_HEAL_TIMEOUT_MS, timerRule),
    idleGraceMs: checkedNumber('idleGraceMs', options.idleGraceMs, 1000, { min: 0 }),
    restTimeoutMs: checkedNumber('restTimeoutMs', options.restTimeoutMs, DEFAULT_REST_TIMEOUT_MS, timerRule),
    handshakeTimeoutMs: checkedNumber('handshakeTimeoutMs', options.handshakeTimeoutMs, 10_000, timerRule),
    maxFrameBytes,
    WebSocket:
      options.WebSocket ??
      (options.tls === undefined ? undefined : trustingWebSocket(options.tls, maxFrameBytes)),
    fetch: options.fetch ?? (options.tls === undefined ? defaultFetch() : trustingFetch(options.tls)),
    scheduler: options.scheduler ?? asyncScheduler,
    random: options.random ?? Math.random,
    allowInsecureWebSocket: options.allowInsecureWebSocket === true,
  };
}
