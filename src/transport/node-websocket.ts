/**
 * The Node.js WebSocket, from the `ws` package. Imported only on demand (see
 * {@link defaultWebSocketFactory} and {@link trustingWebSocket}), so browser bundles never load `ws`.
 */
import WebSocket, { type ClientOptions } from 'ws';
import { trustedAuthorities } from './node-trust.js';
import { certificateRejection } from './tls-error-codes.js';
import type { TlsOptions } from './tls-options.js';
import type { CreateWebSocket, WebSocketLike } from './websocket-like.js';

/** `ws`'s error code for a frame over `maxPayload` (it then closes with 1009, RFC 6455 §7.4.1). */
const TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/** The close event the client is given instead of `ws`'s bare 1006, when the cause is known. */
function explainedClose(error: Error, maxPayload: number): { code: number; reason: string } | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code === TOO_LARGE)
    return { code: 1009, reason: `frame larger than maxFrameBytes (${maxPayload} bytes)` };
  // Codes only: an error message could quote the URL, which carries the single-use token (§4).
  return { code: 1006, reason: certificateRejection(code) ?? `network error: ${code}` };
}

/**
 * A `ws` socket behind the browser-style {@link WebSocketLike} API, with the cause of an abnormal
 * close put into the close event: `ws` itself reports a frame over `maxPayload` or a refused
 * certificate only as a bare 1006, which would leave `status$` saying nothing useful.
 */
class NodeWebSocket implements WebSocketLike {
  readonly #ws: WebSocket;
  #explained: { code: number; reason: string } | undefined;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;

  constructor(url: string, options: ClientOptions, maxPayload: number) {
    const ws = new WebSocket(url, options);
    ws.binaryType = 'arraybuffer';
    ws.on('open', () => this.onopen?.({ type: 'open' }));
    ws.on('message', (data, isBinary) => this.onmessage?.({ data: isBinary ? data : data.toString() }));
    // Always listened to: an 'error' without a listener would throw from the EventEmitter.
    ws.on('error', (error) => {
      this.#explained ??= explainedClose(error, maxPayload);
      this.onerror?.({ type: 'error' });
    });
    ws.on('close', (code, reason) => {
      const explained = code === 1006 ? this.#explained : undefined;
      this.onclose?.(
        explained === undefined
          ? { code, reason: reason.toString(), wasClean: code !== 1006 }
          : { ...explained, wasClean: false },
      );
    });
    this.#ws = ws;
  }

  get readyState(): number {
    return this.#ws.readyState;
  }

  get binaryType(): string {
    return this.#ws.binaryType;
  }

  set binaryType(value: string) {
    if (value === 'arraybuffer' || value === 'nodebuffer' || value === 'fragments')
      this.#ws.binaryType = value;
  }

  send(data: string): void {
    this.#ws.send(data);
  }

  close(code?: number, reason?: string): void {
    this.#ws.close(code, reason);
  }
}

/**
 * A {@link CreateWebSocket} backed by `ws`, with its frame-size limit set: `ws` refuses a larger
 * frame by closing the socket instead of buffering it, so one oversized frame costs a reconnect,
 * never unbounded memory; the close reaches the client as code 1009 with the reason "frame larger
 * than maxFrameBytes (N bytes)". `wss:` certificates are always verified; `tls.ca` adds trusted
 * authorities to Node's built-in roots, and a refused certificate closes with reason
 * "TLS certificate rejected: CODE".
 * @param maxPayload - the largest frame accepted, bytes.
 * @param tls - extra authorities to trust.
 * @category Transport
 */
export function createNodeWebSocket(maxPayload: number, tls?: TlsOptions): CreateWebSocket {
  // No permessage-deflate (PROTOCOL.md: optional): each compressed socket would hold zlib state of
  // its own (hundreds of KiB), and pushes are small JSON frames; a process may watch thousands.
  const options: ClientOptions = { maxPayload, perMessageDeflate: false };
  if (tls !== undefined) {
    options.ca = trustedAuthorities(tls);
    options.rejectUnauthorized = true;
  }
  return (url) => new NodeWebSocket(url, options, maxPayload);
}
