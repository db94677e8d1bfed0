/**
 * Which WebSocket implementation to use when none is injected.
 */
import { loadNodeWebSocket } from './node-runtime.js';
import type { CreateWebSocket, WebSocketConstructor } from './websocket-like.js';

/**
 * The default {@link CreateWebSocket}: the global `WebSocket` when the runtime has one (browsers,
 * Deno, Node 22+), otherwise the `ws` package, loaded on demand through `node-runtime.ts` (whose
 * browser twin never loads it).
 * @param maxFrameBytes - passed to `ws` as `maxPayload`; native sockets are checked by
 *   {@link connection$} instead.
 * @category Transport
 */
export async function defaultWebSocketFactory(maxFrameBytes: number): Promise<CreateWebSocket> {
  const ready = loadedWebSocketFactory(maxFrameBytes);
  if (ready !== undefined) return ready;
  const created = await loadNodeWebSocket(maxFrameBytes);
  loaded.set(maxFrameBytes, created);
  return created;
}

/** The `ws` factories made so far, by frame-size limit (most processes use one). */
const loaded = new Map<number, CreateWebSocket>();

/**
 * The default factory if it is at hand without waiting (the global `WebSocket`, or `ws` once
 * {@link defaultWebSocketFactory} has loaded it), else `undefined`: a connection attempt that
 * needs no import starts synchronously.
 */
export function loadedWebSocketFactory(maxFrameBytes: number): CreateWebSocket | undefined {
  const Native = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (Native !== undefined) return (url) => new Native(url);
  return loaded.get(maxFrameBytes);
}
