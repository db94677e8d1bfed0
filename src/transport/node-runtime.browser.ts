/**
 * The browser twin of `node-runtime.ts`: the same exports, and no import of Node code at all. The
 * browser build (tsup, `browser` export condition) and the example page's bundle put this file in
 * place of `node-runtime.ts` (see `browser-redirect.ts`). A browser has its own `WebSocket` and
 * `fetch`, so the loaders run only if something asks for Node's; they reject with a
 * {@link MeetingError} saying why, which the client passes on as it is.
 */

import type { MeetingError } from '../errors.js';
import type { FetchLike } from './fetch-like.js';
import type { TlsOptions } from './tls-options.js';
import type { CreateWebSocket, WebSocketConstructor } from './websocket-like.js';

/** A browser cannot add trusted authorities: TLS is the browser's business, not the page's. */
const TLS_IN_BROWSER =
  "tls.ca is only supported on Node.js; in a browser the page's origin and the browser's trust store decide";

/** Without a global `WebSocket` there is nothing to fall back to outside Node. */
const NO_WEBSOCKET =
  'this runtime has no global WebSocket, and the ws package is only used on Node.js: pass one with the WebSocket option';

/** See `node-runtime.ts`: here `tls` can never be honoured. */
export const tlsUnsupportedReason: string | undefined = TLS_IN_BROWSER;

/**
 * The platform's `WebSocket`, read at call time: in a browser it is the only socket there is, and
 * its frames are size-checked after receipt by `connection.ts`. `undefined` (then
 * {@link loadNodeWebSocket} says to pass one) in a runtime without it.
 */
export function platformWebSocket(): WebSocketConstructor | undefined {
  return (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
}

/** Rejects: `ws` and `tls.ca` are Node-only. */
export async function loadNodeWebSocket(_maxPayload: number, tls?: TlsOptions): Promise<CreateWebSocket> {
  throw nodeOnly(tls === undefined ? NO_WEBSOCKET : TLS_IN_BROWSER);
}

/** Rejects: a `fetch` that trusts extra authorities needs `node:https`. */
export async function loadNodeHttpsFetch(_tls?: TlsOptions): Promise<FetchLike> {
  throw nodeOnly(TLS_IN_BROWSER);
}

/** None: a browser's REST calls go through its own global `fetch`. */
export const platformFetch: FetchLike | undefined = undefined;

/** A plain {@link MeetingError} value, like every error the client reports (no secret in it). */
function nodeOnly(message: string): MeetingError {
  return { code: 'UNEXPECTED', message };
}
