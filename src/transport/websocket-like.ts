/**
 * The little of the WebSocket API the client uses, met by the browser's native `WebSocket`, Node's
 * (22+) global one and the `ws` package alike, so any of them can be injected.
 */

/** A handler type checked bivariantly, so the DOM's and ws's own event types both fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/**
 * A WebSocket as the client uses it (the browser's event-handler-property API).
 * @category Transport
 */
export interface WebSocketLike {
  /** `0` connecting, `1` open, `2` closing, `3` closed. */
  readonly readyState: number;
  /** Browsers: set to `'arraybuffer'` so binary frames can be read synchronously. */
  binaryType?: string;
  /** Called once the handshake completes. */
  onopen: Handler<unknown> | null;
  /** Called for every received frame. */
  onmessage: Handler<{ readonly data: unknown }> | null;
  /** Called once when the socket closes, cleanly or not. */
  onclose: Handler<{ readonly code: number; readonly reason: string; readonly wasClean: boolean }> | null;
  /** Called on a transport error; a close follows. */
  onerror: Handler<unknown> | null;
  /** Writes one text frame. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
}

/**
 * A WebSocket constructor: the global `WebSocket`, or `ws`'s default export.
 * @category Transport
 */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * Opens a WebSocket to a URL. `connection` calls it once per subscription.
 * @category Transport
 */
export type CreateWebSocket = (url: string) => WebSocketLike;

/** `readyState` values (RFC 6455 API). */
export const READY_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;
