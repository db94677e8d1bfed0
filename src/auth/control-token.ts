/**
 * The meeting control token (PROTOCOL.md §2): fetched with the host password, then kept alive.
 */
import { asyncScheduler, defer, expand, Observable, of, type SchedulerLike } from 'rxjs';
import { basicAuthorization } from '../protocol/client-frames.js';
import type { ControlTokenInfo } from '../protocol/messages.js';
import { decodeControlTokenResponse } from '../protocol/rest.js';
import { type Secret, toSecret } from '../security/secret.js';
import { restCall } from './rest-get.js';
import type { RestOptions } from './rest-options.js';

/** §2 path. */
export const CONTROL_TOKEN_PATH = '/v1/mmc/control/conferences/token';
/** §2.4 [I]: renew at about 80 % of the remaining life. */
export const DEFAULT_REFRESH_RATIO = 0.8;
/**
 * The longest delay a timer can take: a larger one fires at once (Node.js and browsers alike), which
 * for a token with a very long life would renew it in a tight loop.
 */
const MAX_TIMER_DELAY_MS = 2_147_483_647;
/** The renewal delay when `expireTime` is already past and no lifetime is known (clock skew). */
const PAST_EXPIRY_RETRY_MS = 1000;
/** A held token with less life left than this is not reused: a fresh one is fetched instead. */
const MIN_REMAINING_LIFE_MS = 30_000;

/**
 * Options of {@link controlToken} and {@link fetchControlToken}.
 * @category Auth
 */
export interface ControlTokenOptions extends RestOptions {
  /** The meeting's host (chair) password; wrap it in a {@link Secret} to keep it unprintable. */
  readonly hostPassword: Secret | string;
  /**
   * Renew when this share of the token's remaining life (from `expireTime`) has passed.
   * @defaultValue 0.8
   */
  readonly refreshRatio?: number;
  /**
   * A token already held (e.g. from before a reconnect): emitted first instead of making a
   * password call, if it has more than 30 s of life left, and renewed from there.
   * @defaultValue none
   */
  readonly initial?: ControlTokenInfo;
}

/**
 * Calls CreateConfToken once: with `current`, as a keep-alive carrying that token (§2.4; the
 * password goes along so an expired session is re-authenticated); without, as the initial
 * password call. Emits the answer and completes; fails with a typed `MeetingError`.
 * @category Auth
 */
export function fetchControlToken(
  options: ControlTokenOptions,
  current?: ControlTokenInfo,
): Observable<ControlTokenInfo> {
  return defer(() => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-Login-Type': '1',
      'X-Password': toSecret(options.hostPassword).reveal(),
    };
    if (current !== undefined) headers['X-Conference-Authorization'] = basicAuthorization(current.token);
    return restCall(options, {
      call: current === undefined ? 'createConfToken' : 'keepAliveConfToken',
      path: CONTROL_TOKEN_PATH,
      headers,
      decode: decodeControlTokenResponse,
    });
  });
}

/**
 * How long to wait before renewing `info`, ms: `ratio` of the life left until `expireTime`
 * (§10.2: never assume 1800 s). When `expireTime` is already past (a skewed clock), uses `ratio`
 * of `confTokenExpireTime` (seconds) if the server sent it, else one second: soon, but never a busy loop.
 * @category Auth
 */
export function refreshDelayMs(info: ControlTokenInfo, nowMs: number, ratio = DEFAULT_REFRESH_RATIO): number {
  const remaining = info.expireTime - nowMs;
  if (remaining > 0) return Math.min(Math.floor(remaining * ratio), MAX_TIMER_DELAY_MS);
  if (info.confTokenExpireTime !== undefined && info.confTokenExpireTime > 0) {
    return Math.min(Math.floor(info.confTokenExpireTime * 1000 * ratio), MAX_TIMER_DELAY_MS);
  }
  return PAST_EXPIRY_RETRY_MS;
}

/**
 * The current control token, kept alive: emits the first token (from the password call, or
 * `initial`), then a renewed one each time about 80 % of its life has passed, always adopting the
 * returned token (§2.4). Never completes; fails with a `MeetingError` when a call fails.
 *
 * @example
 * ```ts
 * controlToken({ conferenceId: '913570246', hostPassword: new Secret(pw) })
 *   .subscribe((info) => console.log('token valid until', new Date(info.expireTime)));
 * ```
 * @category Auth
 */
export function controlToken(options: ControlTokenOptions): Observable<ControlTokenInfo> {
  const scheduler = options.scheduler ?? asyncScheduler;
  const ratio = options.refreshRatio ?? DEFAULT_REFRESH_RATIO;
  return defer(() => {
    const { initial } = options;
    const usable = initial !== undefined && initial.expireTime - scheduler.now() > MIN_REMAINING_LIFE_MS;
    return usable ? of(initial) : fetchControlToken(options);
  }).pipe(
    expand((info) =>
      subscribeAfter(
        refreshDelayMs(info, scheduler.now(), ratio),
        scheduler,
        fetchControlToken(options, info),
      ),
    ),
  );
}

/**
 * `source`, subscribed `delayMs` from now: what `timer(delayMs).pipe(switchMap(() => source))`
 * does, but while waiting it holds one scheduled action instead of two operator subscribers. Every
 * watched meeting waits here for its next renewal (§2.4), so this is per-meeting idle memory.
 */
function subscribeAfter<T>(delayMs: number, scheduler: SchedulerLike, source: Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) =>
    scheduler.schedule(() => {
      source.subscribe(subscriber);
    }, delayMs),
  );
}
