/**
 * The tokens one connection attempt needs, from the password (§2, §3) or from a user's provider.
 */
import { catchError, defer, EMPTY, from, map, type Observable, of, switchMap, take, throwError } from 'rxjs';
import { type ControlTokenOptions, controlToken$ } from '../auth/control-token.js';
import { webSocketToken$ } from '../auth/websocket-token.js';
import { isMeetingError, type MeetingError } from '../errors.js';
import type { ControlTokenInfo } from '../protocol/messages.js';
import { redactSecrets } from '../protocol/redact.js';
import { type Secret, toSecret } from '../security/secret.js';
import type { ResolvedMeetingOptions } from './options.js';

/** The tokens that open one socket: the control token and a fresh, single-use wsToken (§3). */
export interface SocketTokens {
  readonly wsURL: string;
  readonly confToken: Secret;
  readonly webSocketToken: Secret;
}

/** The control token kept between attempts, so a reconnect need not repeat the password call. */
export interface HeldControlToken {
  current: ControlTokenInfo | undefined;
}

/** The tokens of one connection attempt. */
export interface AttemptTokens {
  /** One value, then complete: the tokens for a new socket. */
  readonly first$: Observable<SocketTokens>;
  /**
   * Subscribed once `first$` has emitted: the control token of that socket, then each renewal of it
   * (§2.4); never completes, fails when a renewal fails. The subscriber adopts each one, for the
   * next Subscribe frame and as the held token. `undefined` when there is nothing to renew (a user's
   * token provider).
   */
  readonly renewals$: Observable<ControlTokenInfo> | undefined;
}

/**
 * Password mode: the control token (reusing `held` while it has life left) and one fresh wsToken;
 * then, as a separate stream, its renewals at ~80 % of its life. Provider mode: the user's tokens,
 * plus a wsToken call if they gave none, and no renewals.
 *
 * The two are separate rather than one stream of "first, then renewals" so that a watched meeting
 * holds no flattening operator for the life of its socket: only the renewal loop itself.
 */
export function attemptTokens$(options: ResolvedMeetingOptions, held: HeldControlToken): AttemptTokens {
  const rest = {
    conferenceId: options.conferenceId,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    restTimeoutMs: options.restTimeoutMs,
    scheduler: options.scheduler,
  };
  /** The tokens for a new socket: `confToken` plus a fresh wsToken fetched with it (§3). */
  const withWebSocketToken = (wsURL: string, confToken: Secret): Observable<SocketTokens> =>
    webSocketToken$({ ...rest, controlToken: confToken }).pipe(
      map(({ webSocketToken }) => ({ wsURL, confToken, webSocketToken })),
    );
  const source = options.tokenSource;
  if (source.kind === 'password') {
    // Written out, not spread from `rest`: V8 gives a spread copy with added keys a hidden class of
    // its own, and the renewal loop keeps these options for the meeting's life (docs/benchmarks.md).
    const tokenOptions = (initial: ControlTokenInfo | undefined): ControlTokenOptions => ({
      conferenceId: rest.conferenceId,
      baseUrl: rest.baseUrl,
      fetch: rest.fetch,
      restTimeoutMs: rest.restTimeoutMs,
      scheduler: rest.scheduler,
      hostPassword: source.hostPassword,
      initial,
    });
    const first$ = defer(() => controlToken$(tokenOptions(held.current))).pipe(
      take(1),
      switchMap((info) => {
        held.current = info;
        return withWebSocketToken(info.wsURL, info.token);
      }),
    );
    // Subscribed once the socket's tokens are in hand, so `held` is the token it was opened with
    // (fresh: controlToken$ emits it first, then renews it).
    const renewals$ = defer(() => {
      const initial = held.current;
      return initial === undefined ? EMPTY : controlToken$(tokenOptions(initial));
    });
    return { first$, renewals$ };
  }
  const first$ = defer(() => from(source.getTokens({ conferenceId: options.conferenceId }))).pipe(
    take(1),
    catchError((error: unknown) => {
      // The provider is the user's code: its message could quote what its backend sent (a token).
      const failure: MeetingError = isMeetingError(error)
        ? { ...error, message: redactSecrets(error.message) }
        : {
            code: 'TOKEN_PROVIDER_FAILED',
            message: `getTokens failed: ${redactSecrets(error instanceof Error ? error.message : String(error))}`,
          };
      return throwError(() => failure);
    }),
    switchMap(({ wsURL, ...supplied }) => {
      // A trailing `/` of wsURL is dropped by webSocketUrl (§9.14).
      const confToken = toSecret(supplied.confToken);
      return supplied.webSocketToken === undefined
        ? withWebSocketToken(wsURL, confToken)
        : of({ wsURL, confToken, webSocketToken: toSecret(supplied.webSocketToken) });
    }),
  );
  return { first$, renewals$: undefined };
}

/** §4: `{wsURL}/cms/open/websocket/confctl/increment/conn?confID=…&tmpToken=…`, with a trailing `/` of wsURL dropped (§9.14). */
export function webSocketUrl(wsURL: string, conferenceId: string, webSocketToken: Secret): string {
  const base = wsURL.replace(/\/+$/, '');
  return `${base}/cms/open/websocket/confctl/increment/conn?confID=${encodeURIComponent(conferenceId)}&tmpToken=${encodeURIComponent(webSocketToken.reveal())}`;
}
