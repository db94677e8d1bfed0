/**
 * The meeting control token (PROTOCOL.md §2): fetched with the host password, then kept alive.
 */
import {
  asyncScheduler,
  defer,
  expand,
  Observable,
  of,
  retry,
  type SchedulerLike,
  throwError,
  timer,
} from 'rxjs';
import { isMeetingError } from '../errors.js';
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
/**
 * The shortest wait before a renewal, ms, whatever `expireTime` says: a server whose clock is
 * behind (or that reports the issue time) must not make the client renew in a busy loop (issue 14).
 * @category Auth
 */
export const MIN_REFRESH_DELAY_MS = 1000;
/**
 * The renewal delay when `expireTime` is past or too near to be believed (under
 * {@link MIN_REFRESH_DELAY_MS} ÷ ratio away: the clocks disagree) and no `confTokenExpireTime`
 * says how long a token lives, ms. The keep-alive carries the password too (§2.4), so a token that
 * really expired meanwhile is re-issued.
 * @category Auth
 */
export const SKEWED_REFRESH_DELAY_MS = 60_000;
/** The first wait before a failed keep-alive is tried again, ms; doubled each time. */
export const RENEWAL_RETRY_INITIAL_MS = 1000;
/** The longest wait between two tries of a failed keep-alive, ms. */
export const RENEWAL_RETRY_MAX_MS = 30_000;
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
 * (§10.2: never assume 1800 s), but never more than `ratio` of `confTokenExpireTime` when the
 * server sent it (an absurdly far `expireTime`), never more than the longest timer delay, and never
 * less than {@link MIN_REFRESH_DELAY_MS}. When `expireTime` is past or too near to be believed (a
 * skewed clock), `ratio` of `confTokenExpireTime` if the server sent it, else
 * {@link SKEWED_REFRESH_DELAY_MS}: never a busy loop.
 * @example
 * ```ts
 * refreshDelayMs({ ...info, expireTime: now + 100_000 }, now); // 80_000
 * refreshDelayMs({ ...info, expireTime: now + 5 }, now);       // 60_000 (no confTokenExpireTime)
 * ```
 * @category Auth
 */
export function refreshDelayMs(info: ControlTokenInfo, nowMs: number, ratio = DEFAULT_REFRESH_RATIO): number {
  const remaining = info.expireTime - nowMs;
  const lifetime =
    info.confTokenExpireTime !== undefined &&
    Number.isFinite(info.confTokenExpireTime) &&
    info.confTokenExpireTime > 0
      ? Math.floor(info.confTokenExpireTime * 1000 * ratio)
      : undefined;
  const fromExpiry = Number.isFinite(remaining) ? Math.floor(remaining * ratio) : Number.NaN;
  const delay =
    fromExpiry >= MIN_REFRESH_DELAY_MS
      ? Math.min(fromExpiry, lifetime ?? Number.POSITIVE_INFINITY)
      : (lifetime ?? SKEWED_REFRESH_DELAY_MS);
  return Math.max(MIN_REFRESH_DELAY_MS, Math.min(delay, MAX_TIMER_DELAY_MS));
}

/**
 * Whether a failed keep-alive is worth trying again: anything but a definite rejection (the token
 * or the password refused, the meeting gone).
 */
function isTransient(error: unknown): boolean {
  return !(
    isMeetingError(error) &&
    (error.code === 'REST_AUTH_FAILED' || error.code === 'MEETING_NOT_FOUND')
  );
}

/**
 * One keep-alive of `info`, tried again with backoff ({@link RENEWAL_RETRY_INITIAL_MS} doubling to
 * {@link RENEWAL_RETRY_MAX_MS}) while the token is still valid: one HTTP 500 must not drop a
 * healthy socket (issue 14). Fails with the last error on a definite rejection, or when the next
 * try would come after `expireTime`.
 */
function keepAlive(options: ControlTokenOptions, info: ControlTokenInfo, scheduler: SchedulerLike) {
  let tries = 0;
  return fetchControlToken(options, info).pipe(
    retry({
      delay: (error: unknown) => {
        tries += 1;
        const waitMs = Math.min(RENEWAL_RETRY_MAX_MS, RENEWAL_RETRY_INITIAL_MS * 2 ** (tries - 1));
        const left = info.expireTime - scheduler.now();
        if (!isTransient(error) || !(left > waitMs)) return throwError(() => error);
        return timer(waitMs, scheduler);
      },
    }),
  );
}

/**
 * The current control token, kept alive: emits the first token (from the password call, or
 * `initial`), then a renewed one each time about 80 % of its life has passed (see
 * {@link refreshDelayMs} for the bounds), always adopting the returned token (§2.4). A failed
 * renewal is tried again with backoff while the token is still valid. Never completes; fails with
 * a `MeetingError` when the first call fails, when a renewal is definitely refused
 * (`REST_AUTH_FAILED`, `MEETING_NOT_FOUND`), or when the token expires before one succeeds.
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
        keepAlive(options, info, scheduler),
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
