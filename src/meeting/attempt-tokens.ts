/**
 * The tokens one connection attempt needs, from the password (§2, §3) or from a user's provider.
 */
import {
  catchError,
  concatMap,
  defer,
  from,
  map,
  type Observable,
  of,
  switchMap,
  take,
  throwError,
} from 'rxjs';
import { controlToken$ } from '../auth/control-token.js';
import { webSocketToken$ } from '../auth/websocket-token.js';
import type { ControlTokenInfo } from '../protocol/messages.js';
import { redactSecrets } from '../protocol/redact.js';
import { type Secret, toSecret } from '../security/secret.js';
import { isMeetingError, type MeetingError } from './errors.js';
import type { ResolvedMeetingOptions } from './options.js';

/**
 * Tokens for one socket. The first value of {@link attemptTokens$} has a `webSocketToken`; later
 * values only renew `confToken` (the control-token keep-alive, §2.4).
 */
export interface AttemptTokens {
  readonly wsURL: string;
  readonly confToken: Secret;
  readonly webSocketToken?: Secret;
}

/** The control token kept between attempts, so a reconnect need not repeat the password call. */
export interface HeldControlToken {
  current: ControlTokenInfo | undefined;
}

/**
 * Password mode: the control token (reusing `held` while it has life left, renewed at ~80 %),
 * then one fresh wsToken. Provider mode: the user's tokens, plus a wsToken call if they gave none.
 */
export function attemptTokens$(
  options: ResolvedMeetingOptions,
  held: HeldControlToken,
): Observable<AttemptTokens> {
  const rest = {
    conferenceId: options.conferenceId,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    restTimeoutMs: options.restTimeoutMs,
    scheduler: options.scheduler,
  };
  /** The tokens for a new socket: `confToken` plus a fresh wsToken fetched with it (§3). */
  const withWebSocketToken = (wsURL: string, confToken: Secret): Observable<AttemptTokens> =>
    webSocketToken$({ ...rest, controlToken: confToken }).pipe(
      map(({ webSocketToken }) => ({ wsURL, confToken, webSocketToken })),
    );
  const source = options.tokenSource;
  if (source.kind === 'password') {
    return defer(() =>
      controlToken$({
        ...rest,
        hostPassword: source.hostPassword,
        ...(held.current === undefined ? {} : { initial: held.current }),
      }),
    ).pipe(
      concatMap((info, index) => {
        held.current = info;
        return index === 0
          ? withWebSocketToken(info.wsURL, info.token)
          : of({ wsURL: info.wsURL, confToken: info.token });
      }),
    );
  }
  return defer(() => from(source.getTokens({ conferenceId: options.conferenceId }))).pipe(
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
}

/** §4: `{wsURL}/cms/open/websocket/confctl/increment/conn?confID=…&tmpToken=…`, with a trailing `/` of wsURL dropped (§9.14). */
export function webSocketUrl(wsURL: string, conferenceId: string, webSocketToken: Secret): string {
  const base = wsURL.replace(/\/+$/, '');
  return `${base}/cms/open/websocket/confctl/increment/conn?confID=${encodeURIComponent(conferenceId)}&tmpToken=${encodeURIComponent(webSocketToken.reveal())}`;
}
