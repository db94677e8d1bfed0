/**
 * Which WebSocket implementation to use when none is injected.
 */
import type { CreateWebSocket, WebSocketConstructor } from './websocket-like.js';

/**
 * The default {@link CreateWebSocket}: the global `WebSocket` when the runtime has one (browsers,
 * Deno, Node 22+), otherwise the `ws` package, loaded lazily so that it stays off the browser path.
 * @param maxFrameBytes - passed to `ws` as `maxPayload`; native sockets are checked by
 *   {@link connection$} instead.
 * @category Transport
 */
export async function defaultWebSocketFactory(maxFrameBytes: number): Promise<CreateWebSocket> {
  const Native = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (Native !== undefined) return (url) => new Native(url);
  const { createNodeWebSocket } = await import('./node-websocket.js');
  return createNodeWebSocket(maxFrameBytes);
}
