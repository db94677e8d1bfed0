/**
 * Trusting an extra certificate authority for `https:` and `wss:` (issue 6). Certificates are always
 * verified; this only adds roots. Node-only underneath (`node:https`, `ws`), reached on first use
 * through `node-runtime.ts`, so this module itself stays on the browser-safe path; in a browser
 * build the option is refused when the client is created (docs/browser.md).
 */
import { isMeetingError } from '../errors.js';
import { fetchLoadedOnFirstCall } from './deferred-fetch.js';
import type { FetchLike } from './fetch-like.js';
import { loadNodeHttpsFetch, loadNodeWebSocket, tlsUnsupportedReason } from './node-runtime.js';
import type { TlsOptions } from './tls-options.js';
import type { WebSocketConstructor, WebSocketLike } from './websocket-like.js';

/**
 * Refuses `tls` where it cannot work (a browser build), at once: otherwise every connection attempt
 * would fail the same way and be retried forever, with the reason hidden behind a network error.
 */
function requireTlsSupport(): void {
  if (tlsUnsupportedReason !== undefined) throw new TypeError(`connectMeeting: ${tlsUnsupportedReason}`);
}

/**
 * A {@link FetchLike} that trusts `tls.ca` (Node.js): the `node:https` client of
 * `node-https-fetch.ts`, loaded on the first call.
 * @throws TypeError in a browser build, where `tls` cannot be honoured.
 * @category Transport
 */
export function trustingFetch(tls: TlsOptions): FetchLike {
  requireTlsSupport();
  return fetchLoadedOnFirstCall(() => loadNodeHttpsFetch(tls));
}

/**
 * A {@link WebSocketConstructor} on the `ws` package that trusts `tls.ca` and limits frames to
 * `maxFrameBytes` (Node.js). `ws` is imported when the first socket is made; until then the socket
 * reports `CONNECTING`, and a `close()` before it opens ends it quietly.
 * @throws TypeError in a browser build, where `tls` cannot be honoured.
 * @category Transport
 */
export function trustingWebSocket(tls: TlsOptions, maxFrameBytes: number): WebSocketConstructor {
  requireTlsSupport();
  let loaded: Promise<(url: string) => WebSocketLike> | undefined;
  const load = () => {
    loaded ??= loadNodeWebSocket(maxFrameBytes, tls);
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
        (error: unknown) => {
          this.#state = 3;
          // The runtime's own typed reason when it gave one; never a foreign error's text.
          const reason = isMeetingError(error) ? error.message : 'the ws package could not be loaded';
          this.onclose?.({ code: 1006, reason, wasClean: false });
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
