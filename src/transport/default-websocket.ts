/**
 * Which WebSocket implementation to use when none is injected.
 */
import { loadNodeWebSocket } from './node-runtime.js';
import type { CreateWebSocket, WebSocketConstructor } from './websocket-like.js';

/** The `ws` factories made so far, by frame-size limit (most processes use one). */
const loaded = new Map<number, CreateWebSocket>();

/**
 * The default {@link CreateWebSocket}: the global `WebSocket` when the runtime has one (browsers,
 * Deno, Node 22+), otherwise the `ws` package, loaded on demand through `node-runtime.ts` (whose
 * browser twin never loads it). Returned at once when it is at hand (a global `WebSocket`, or `ws`
 * already loaded), so a connection attempt that needs no import starts synchronously; a promise
 * only while `ws` is being imported.
 * @param maxFrameBytes - passed to `ws` as `maxPayload`; native sockets are checked by
 *   {@link connection$} instead.
 * @category Transport
 */
export function defaultWebSocketFactory(maxFrameBytes: number): CreateWebSocket | Promise<CreateWebSocket> {
  const Native = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (Native !== undefined) return (url) => new Native(url);
  return (
    loaded.get(maxFrameBytes) ??
    loadNodeWebSocket(maxFrameBytes).then((created) => {
      loaded.set(maxFrameBytes, created);
      return created;
    })
  );
}
