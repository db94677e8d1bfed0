/**
 * The single-use WebSocket token (PROTOCOL.md §3).
 */
import { defer, type Observable } from 'rxjs';
import { basicAuthorization } from '../protocol/client-frames.js';
import type { WebSocketTokenInfo } from '../protocol/messages.js';
import { decodeWebSocketTokenResponse } from '../protocol/rest.js';
import type { Secret } from '../security/secret.js';
import { restCall } from './rest-get.js';
import type { RestOptions } from './rest-options.js';

/** §3 path. */
export const WEBSOCKET_TOKEN_PATH = '/v1/mmc/control/conferences/wsToken';

/**
 * Options of {@link webSocketToken}.
 * @category Auth
 */
export interface WebSocketTokenOptions extends RestOptions {
  /** The current control token (§2). */
  readonly controlToken: Secret;
}

/**
 * Fetches a fresh WebSocket token on every subscription (each is valid 60 s and usable once, §3),
 * emits it and completes. Fails with a typed `MeetingError`.
 *
 * @example
 * ```ts
 * webSocketToken({ conferenceId, controlToken: info.token }).subscribe(({ webSocketToken }) => open(webSocketToken));
 * ```
 * @category Auth
 */
export function webSocketToken(options: WebSocketTokenOptions): Observable<WebSocketTokenInfo> {
  return defer(() =>
    restCall(options, {
      call: 'createWebSocketToken',
      path: WEBSOCKET_TOKEN_PATH,
      headers: {
        'Content-Type': 'application/json',
        'X-Conference-Authorization': basicAuthorization(options.controlToken),
      },
      decode: decodeWebSocketTokenResponse,
    }),
  );
}
