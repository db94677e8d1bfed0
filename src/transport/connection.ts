/**
 * One WebSocket as a cold Observable: opened on subscribe, closed on unsubscribe.
 */
import { Observable } from 'rxjs';
import { closeError, type MeetingError } from '../errors.js';
import { redactSecrets } from '../protocol/redact.js';
import { type CreateWebSocket, READY_STATE, type WebSocketLike } from './websocket-like.js';

/** 1 MiB: a 100-person participant snapshot is about 19 KB (TOOLCHAIN.md), so this is generous. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

/**
 * Options of {@link connection}.
 * @category Transport
 */
export interface ConnectionOptions {
  /** The full WebSocket URL. It may carry a token; it is never put into an error or event. */
  readonly url: string;
  /**
   * Opens the socket. `connectMeeting`'s default: `ws` on Node.js, the platform `WebSocket` in a
   * browser build.
   */
  readonly createSocket: CreateWebSocket;
  /**
   * Frames larger than this (bytes, UTF-8) are not delivered; an `oversized` event is emitted instead.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxFrameBytes?: number;
}

/**
 * What {@link connection} emits.
 * - `open`: the handshake completed; `send` writes a text frame (ignored once the socket is no longer open).
 * - `message`: one text frame.
 * - `oversized`: a frame larger than `maxFrameBytes` arrived and was dropped.
 * @category Transport
 */
export type ConnectionEvent =
  | {
      readonly type: 'open';
      /** Writes a text frame; ignored once the socket is no longer open. */
      readonly send: (text: string) => void;
    }
  | { readonly type: 'message'; readonly text: string }
  | { readonly type: 'oversized'; readonly bytes: number };

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** The frame as text: text frames arrive as strings; binary ones (ArrayBuffer, Buffer) are decoded as UTF-8. */
function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return utf8.decode(data as ArrayBuffer);
  return String(data);
}

/** UTF-8 size of `text`, computed exactly only when the cheap bounds cannot decide. */
function exceeds(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  if (text.length > limit) return text.length;
  const bytes = encoder.encode(text).length;
  return bytes > limit ? bytes : undefined;
}

function detach(socket: WebSocketLike): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  // ws emits 'error' when a socket closed while connecting is torn down; with no listener
  // Node would throw it, so a no-op listener stays.
  socket.onerror = () => undefined;
}

/**
 * Opens a WebSocket when subscribed and closes it (code 1000) when unsubscribed. Emits `open`,
 * then each text frame; errors with a {@link MeetingError} when the socket closes: `WS_CLOSED`
 * with the close code and reason, or `MEETING_ENDED` for code 4004 (PROTOCOL.md §8). Completes
 * never: a push socket that closes is always a failure for its subscriber. After unsubscribe no
 * event of that socket reaches anyone (its handlers are detached), which fences off late frames.
 *
 * @example
 * ```ts
 * connection({ url, createSocket: (u) => new WebSocket(u) }).subscribe((event) => {
 *   if (event.type === 'open') event.send('{"action":"HeartBeat","sequence":"…"}');
 * });
 * ```
 * @category Transport
 */
export function connection(options: ConnectionOptions): Observable<ConnectionEvent> {
  const limit = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  return new Observable<ConnectionEvent>((subscriber) => {
    let socket: WebSocketLike;
    try {
      socket = options.createSocket(options.url);
    } catch (error) {
      // The runtime's message may quote the URL, which carries the single-use token: keep only the name.
      const name = error instanceof Error ? error.name : 'Error';
      const failure: MeetingError = { code: 'NETWORK', message: `could not open the WebSocket (${name})` };
      subscriber.error(failure);
      return;
    }
    try {
      socket.binaryType = 'arraybuffer';
    } catch {
      // Not every implementation lets it be set; text frames do not need it.
    }
    const send = (text: string): void => {
      if (socket.readyState === READY_STATE.OPEN) socket.send(text);
    };
    socket.onopen = () => subscriber.next({ type: 'open', send });
    socket.onmessage = (event) => {
      const text = frameText(event.data);
      const bytes = exceeds(text, limit);
      subscriber.next(bytes === undefined ? { type: 'message', text } : { type: 'oversized', bytes });
    };
    socket.onclose = (event) => {
      detach(socket);
      // The reason is the server's text: it may echo a token (issue 14).
      subscriber.error(closeError(event.code, redactSecrets(event.reason ?? ''), event.wasClean));
    };
    // RFC 6455 API: an error event is always followed by a close event, which reports it.
    socket.onerror = () => undefined;
    return () => {
      detach(socket);
      if (socket.readyState === READY_STATE.CONNECTING || socket.readyState === READY_STATE.OPEN) {
        socket.close(1000, 'client closed');
      }
    };
  });
}
