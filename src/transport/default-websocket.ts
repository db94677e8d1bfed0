/**
 * Which WebSocket implementation to use when none is injected.
 */
import { loadNodeWebSocket, platformWebSocket } from './node-runtime.js';
import type { CreateWebSocket } from './websocket-like.js';

/** The `ws` factories made so far, by frame-size limit (most processes use one). */
const loaded = new Map<number, CreateWebSocket>();

/**
 * The default {@link CreateWebSocket}. On Node.js always the `ws` package, whatever the Node version
 * and whatever globals exist (Node 22+'s global `WebSocket` included), with `maxFrameBytes` as its
 * `maxPayload` (a larger frame closes the socket with 1009 before it is buffered) and no
 * permessage-deflate; loaded on demand through `node-runtime.ts`. In the browser build (where
 * `node-runtime.browser.ts` stands in) the platform's `WebSocket`, whose frames {@link connection}
 * checks against `maxFrameBytes` after receipt; without one, the promise rejects saying to pass one.
 * Returned at once when it is at hand (the platform socket, or `ws` already loaded), so a
 * connection attempt that needs no import starts synchronously; a promise only while `ws` is being
 * imported.
 * @param maxFrameBytes - passed to `ws` as `maxPayload`.
 * @example
 * ```ts
 * const create = await defaultWebSocketFactory(DEFAULT_MAX_FRAME_BYTES);
 * connection({ url, createSocket: create }).subscribe(console.log);
 * ```
 * @category Transport
 */
export function defaultWebSocketFactory(maxFrameBytes: number): CreateWebSocket | Promise<CreateWebSocket> {
  const Platform = platformWebSocket();
  if (Platform !== undefined) return (url) => new Platform(url);
  return (
    loaded.get(maxFrameBytes) ??
    loadNodeWebSocket(maxFrameBytes).then((created) => {
      loaded.set(maxFrameBytes, created);
      return created;
    })
  );
}
