/**
 * The one door to Node-only code (`ws`, `node:https`, `node:tls`, …) on the library's path.
 *
 * Everything else imports this module and never a Node module, so a browser build swaps this file
 * for its twin `node-runtime.browser.ts` (see `browser-redirect.ts`, used by tsup's browser build
 * and the `browser` export condition) and no bundler ever sees a Node import. On Node, the imports
 * below stay dynamic: `ws` is loaded with the first socket (or the first `tls` one), not at start-up.
 */

import { fetchLoadedOnFirstCall } from './deferred-fetch.js';
import type { FetchLike } from './fetch-like.js';
import type { TlsOptions } from './tls-options.js';
import type { CreateWebSocket, WebSocketConstructor } from './websocket-like.js';

/**
 * Why `tls` cannot be honoured in this runtime, or `undefined` where it can (here: Node.js). Read
 * synchronously, so a browser refuses the option when the client is created instead of failing
 * every connection attempt.
 */
export const tlsUnsupportedReason: string | undefined = undefined;

/**
 * The runtime's own WebSocket for the default socket, or `undefined` to use `ws` instead. On Node.js
 * always `undefined`, whatever globals exist: Node's global `WebSocket` (Node 22+, or Node 20 with
 * `--experimental-websocket`) has no frame-size limit, so a frame over `maxFrameBytes` would be
 * buffered whole before `connection.ts` could drop it, and it negotiates permessage-deflate, which
 * keeps zlib state per socket; `ws` gets `maxPayload` and `perMessageDeflate: false`
 * (`node-websocket.ts`). The browser twin returns the platform's `WebSocket`. Decided by which of
 * the two modules the build put in place, not by looking at globals.
 */
export function platformWebSocket(): WebSocketConstructor | undefined {
  return undefined;
}

/**
 * The `ws` WebSocket, with `maxPayload` as its frame-size limit and `tls.ca` added to Node's roots.
 * @param maxPayload - the largest frame accepted, bytes.
 * @param tls - extra certificate authorities to trust.
 */
export async function loadNodeWebSocket(maxPayload: number, tls?: TlsOptions): Promise<CreateWebSocket> {
  const { createNodeWebSocket } = await import('./node-websocket.js');
  return createNodeWebSocket(maxPayload, tls);
}

/**
 * A `fetch` on `node:http(s)`, trusting `tls.ca` besides Node's roots when given (Node's global
 * `fetch` takes no per-request CA).
 * @param tls - extra certificate authorities to trust.
 */
export async function loadNodeHttpsFetch(tls?: TlsOptions): Promise<FetchLike> {
  const { createNodeHttpsFetch } = await import('./node-https-fetch.js');
  return createNodeHttpsFetch(tls);
}

/**
 * The REST client's default transport here: `node:http(s)` with Node's roots, loaded on the first
 * call and shared by every meeting of the process. (`undefined` in the browser twin, where the
 * global `fetch` is used.) See `node-https-fetch.ts` for why not the global `fetch` on Node.js.
 */
export const platformFetch: FetchLike | undefined = fetchLoadedOnFirstCall(() => loadNodeHttpsFetch());
