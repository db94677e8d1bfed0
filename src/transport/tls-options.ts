/**
 * Trusting an extra certificate authority for `https:` and `wss:` (issue 6). Certificates are always
 * verified; this only adds roots. Node-only underneath (`node:https`, `ws`), loaded on first use
 * through dynamic imports, so this module stays on the browser-safe path.
 */
import type { FetchLike } from '../auth/rest-get.js';
import type { WebSocketConstructor, WebSocketLike } from './websocket-like.js';

/**
 * Extra trust for TLS connections (Node.js only). There is deliberately no option that turns
 * certificate verification off: to reach a server with a private or self-signed certificate, give
 * its CA here.
 * @example
 * ```ts
 * connectMeeting({ conferenceId, hostPassword, baseUrl: 'https://meeting.corp.example', tls: { ca: readFileSync('corp-root.pem') } });
 * ```
 * @category Transport
 */
export interface TlsOptions {
  /**
   * PEM certificate(s) of authorities to trust in addition to Node's built-in roots, for the REST
   * calls and the WebSocket.
   */
  readonly ca: string | Uint8Array | readonly (string | Uint8Array)[];
}

/**
 * A {@link FetchLike} that trusts `tls.ca` (Node.js): the `node:https` client of
 * `node-https-fetch.ts`, imported on the first call.
 * @category Transport
 */
export function trustingFetch(tls: TlsOptions): FetchLike {
  let loaded: Promise<FetchLike> | undefined;
  return async (url, init) => {
    loaded ??= import('./node-https-fetch.js').then((m) => m.createNodeHttpsFetch(tls));
    return (await loaded)(url, init);
  };
}

/**
 * A {@link WebSocketConstructor} on the `ws` package that trusts `tls.ca` and limits frames to
 * `maxFrameBytes` (Node.js). `ws` is imported when the first socket is made; until then the socket
 * reports `CONNECTING`, and a `close()` before it opens ends it quietly.
 * @category Transport
 */
export function trustingWebSocket(tls: TlsOptions, maxFrameBytes: number): WebSocketConstructor {
  let loaded: Promise<(url: string) => WebSocketLike> | undefined;
  const load = () => {
    loaded ??= import('./node-websocket.js').then((m) => m.createNodeWebSocket(maxFrameBytes, tls));
    return loaded;
  };
  return class TrustingWebSocket implements WebSocketLike {
    #inner: WebSocketLike | undefined;
    #state = 0;
    binaryType = 'arraybuffer';
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;

    constructor(url: string) {
      load().then(
        (create) => {
          if (this.#state !== 0) return; // closed before `ws` was loaded
          const inner = create(url);
          inner.binaryType = this.binaryType;
          inner.onopen = (event) => this.onopen?.(event);
          inner.onmessage = (event) => this.onmessage?.(event);
          inner.onerror = (event) => this.onerror?.(event);
          inner.onclose = (event) => this.onclose?.(event);
          this.#inner = inner;
        },
        () => {
          this.#state = 3;
          this.onclose?.({ code: 1006, reason: 'the ws package could not be loaded', wasClean: false });
        },
      );
    }

    get readyState(): number {
      return this.#inner?.readyState ?? this.#state;
    }

    send(data: string): void {
      this.#inner?.send(data);
    }

    close(code?: number, reason?: string): void {
      if (this.#inner !== undefined) this.#inner.close(code, reason);
      else this.#state = 3;
    }
  };
}
