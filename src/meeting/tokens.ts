/**
 * The meeting's tokens (PROTOCOL.md §2, §3): the control token it holds between attempts, and
 * the tokens each new socket needs, from the host password or from a user's provider.
 */
import {
  BehaviorSubject,
  catchError,
  defer,
  EMPTY,
  from,
  ignoreElements,
  map,
  type Observable,
  of,
  switchMap,
  take,
  tap,
  throwError,
} from 'rxjs';
import { type ControlTokenOptions, controlToken } from '../auth/control-token.js';
import { webSocketToken } from '../auth/websocket-token.js';
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
  /** Whether the client got these tokens from an `https:` gateway: the socket must then be `wss:`. */
  readonly fromSecureGateway: boolean;
}

/** One meeting's tokens; see {@link meetingTokens}. */
export interface MeetingTokens {
  /** The control token held between attempts (password mode), `undefined` when none is. */
  readonly held$: BehaviorSubject<ControlTokenInfo | undefined>;
  /**
   * The tokens for one new socket: one value, then complete. Password mode reuses the held
   * control token while it has life left and always fetches a fresh wsToken (§3: single use).
   */
  readonly forSocket$: Observable<SocketTokens>;
  /**
   * Subscribed beside an open socket: renews the held control token (§2.4) into `held$` (the
   * socket's next Subscribe frames carry it); emits nothing, never completes, fails when a renewal
   * fails. Empty in provider mode (nothing to renew).
   */
  readonly renewals$: Observable<never>;
  /** Forgets the held control token: the next attempt starts with the password call. */
  drop(): void;
}

/** The error for a token provider that completed without tokens. */
export function emptyTokensError(): MeetingError {
  return { code: 'TOKEN_PROVIDER_FAILED', message: 'getTokens completed without tokens' };
}

/**
 * A meeting's tokens. The held control token is a value here, owned by this module: the socket's
 * tokens write it, renewals replace it, a failure rule drops it (`failureRule(…).dropControlToken`).
 * Every token issued or given (control tokens, `tmpWsToken`, wsTokens, a provider's) is passed to
 * `remember` first, so the meeting's redactor masks it in any server text.
 */
export function meetingTokens(
  options: ResolvedMeetingOptions,
  remember: (secret: Secret) => void = () => {},
): MeetingTokens {
  const held$ = new BehaviorSubject<ControlTokenInfo | undefined>(undefined);
  const fromSecureGateway = parsedUrl(options.baseUrl)?.protocol === 'https:';
  /** Every control token held: remembered for redaction, then kept. */
  const hold = (info: ControlTokenInfo) => {
    remember(info.token);
    if (info.tmpWsToken !== undefined) remember(info.tmpWsToken);
    held$.next(info);
  };
  const source = options.tokenSource;
  const withWebSocketToken = (wsURL: string, confToken: Secret): Observable<SocketTokens> =>
    webSocketToken({
      conferenceId: options.conferenceId,
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      restTimeoutMs: options.restTimeoutMs,
      scheduler: options.scheduler,
      controlToken: confToken,
    }).pipe(
      map(({ webSocketToken }) => {
        remember(webSocketToken);
        return { wsURL, confToken, webSocketToken, fromSecureGateway };
      }),
    );
  const drop = () => held$.next(undefined);

  if (source.kind === 'provider') {
    const forSocket$ = defer(() => from(source.getTokens({ conferenceId: options.conferenceId }))).pipe(
      take(1),
      catchError((error: unknown) => throwError(() => providerFailure(error))),
      switchMap(({ wsURL, ...supplied }) => {
        const confToken = toSecret(supplied.confToken);
        remember(confToken);
        if (supplied.webSocketToken === undefined) return withWebSocketToken(wsURL, confToken);
        const webSocketToken = toSecret(supplied.webSocketToken);
        remember(webSocketToken);
        // All three from the provider: no gateway of ours was asked.
        return of({ wsURL, confToken, webSocketToken, fromSecureGateway: false });
      }),
    );
    return { held$, forSocket$, renewals$: EMPTY, drop };
  }

  const tokenOptions = (initial: ControlTokenInfo | undefined): ControlTokenOptions => ({
    conferenceId: options.conferenceId,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    restTimeoutMs: options.restTimeoutMs,
    scheduler: options.scheduler,
    hostPassword: source.hostPassword,
    initial,
  });
  const forSocket$ = defer(() => controlToken(tokenOptions(held$.value))).pipe(
    take(1),
    tap(hold),
    switchMap((info) => withWebSocketToken(info.wsURL, info.token)),
  );
  // controlToken emits its `initial` first (re-adopting it is harmless; should it have run short
  // meanwhile, controlToken emits a fresh one instead), then each renewal.
  const renewals$ = defer(() => {
    const initial = held$.value;
    return initial === undefined ? EMPTY : controlToken(tokenOptions(initial));
  }).pipe(tap(hold), ignoreElements());
  return { held$, forSocket$, renewals$, drop };
}

/** A provider's failure as a typed error; its text is the user's code's and could quote a token. */
function providerFailure(error: unknown): MeetingError {
  if (isMeetingError(error)) return { ...error, message: redactSecrets(error.message) };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'TOKEN_PROVIDER_FAILED', message: `getTokens failed: ${redactSecrets(text)}` };
}

/** `scheme://authority` at the start of an absolute URL. */
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
/** §4: the path the socket URL appends to `wsURL`. */
const SOCKET_PATH = '/cms/open/websocket/confctl/increment/conn';

/**
 * §4: `{wsURL}/cms/open/websocket/confctl/increment/conn?confID=…&tmpToken=…`. `wsURL` is parsed
 * with `URL` (issue 14): a path of its own is kept (a trailing `/` dropped, §9.14), a query of its
 * own is kept but for `confID` and `tmpToken`, a fragment is dropped. Throws a `TypeError` (never
 * quoting the token) when `wsURL` is not an absolute URL.
 */
export function webSocketUrl(wsURL: string, conferenceId: string, webSocketToken: Secret): string {
  const url = parsedUrl(wsURL);
  if (url === undefined) throw new TypeError('wsURL is not an absolute URL');
  const own = [...url.searchParams].filter(([key]) => key !== 'confID' && key !== 'tmpToken');
  const query = [
    ...own.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
    `confID=${encodeURIComponent(conferenceId)}`,
    `tmpToken=${encodeURIComponent(webSocketToken.reveal())}`,
  ].join('&');
  const path = `${url.pathname.replace(/\/+$/, '')}${SOCKET_PATH}`;
  // Scheme and authority as the service wrote them (URL would drop a default port such as :443).
  const origin = AUTHORITY.exec(wsURL)?.[0] ?? `${url.protocol}//${url.host}`;
  return `${origin}${path}?${query}`;
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * The socket URL for `tokens`, or why there is none (issue 14): `wsURL` must be an absolute `ws:`
 * or `wss:` URL, and when the tokens came from an `https:` gateway it must be `wss:` (the socket
 * carries the wsToken in its URL and the control token in every Subscribe frame), unless
 * `allowInsecureWebSocket` is set.
 */
export function socketUrlFor(
  tokens: SocketTokens,
  conferenceId: string,
  allowInsecureWebSocket: boolean,
): string | MeetingError {
  const url = parsedUrl(tokens.wsURL);
  if (url === undefined || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    const what = url === undefined ? 'not an absolute URL' : `of scheme ${url.protocol}, not ws: or wss:`;
    return { code: 'WS_URL_REJECTED', reason: 'invalid', message: `the wsURL the service gave is ${what}` };
  }
  if (url.protocol === 'ws:' && tokens.fromSecureGateway && !allowInsecureWebSocket) {
    return {
      code: 'WS_URL_REJECTED',
      reason: 'insecure',
      message:
        'an https gateway gave a ws:// wsURL: the tokens would travel in clear; refused (allowInsecureWebSocket allows it)',
    };
  }
  return webSocketUrl(tokens.wsURL, conferenceId, tokens.webSocketToken);
}
