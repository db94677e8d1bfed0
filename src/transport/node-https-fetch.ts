/**
 * A {@link FetchLike} on `node:https` that trusts extra certificate authorities. Node's global
 * `fetch` (undici) takes no per-request `ca`, so {@link ConnectMeetingOptions.tls} uses this one
 * instead. Node-only: loaded on demand (see `tls-options.ts`), never on the browser path.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { BodyStreamLike, FetchLike, ResponseLike } from '../auth/rest-get.js';
import { trustedAuthorities } from './node-trust.js';
import type { TlsOptions } from './tls-options.js';

/**
 * A `fetch` for GET requests on `node:https` that verifies the server's certificate against Node's
 * built-in roots plus `tls.ca`. Verification is never switched off (`rejectUnauthorized` stays
 * `true`, the host name is checked). Plain `http:` URLs (the simulator without TLS) go through
 * `node:http`. The body is handed over as a stream, so the REST layer's size cap stops reading early.
 * @example
 * ```ts
 * const fetch = createNodeHttpsFetch({ ca: readFileSync('corp-root.pem') });
 * controlToken$({ conferenceId, hostPassword, fetch });
 * ```
 * @category Transport
 */
export function createNodeHttpsFetch(tls: TlsOptions): FetchLike {
  const ca = trustedAuthorities(tls);
  return (url, init) =>
    new Promise<ResponseLike>((resolve, reject) => {
      const options = { method: init.method, headers: init.headers, signal: init.signal };
      const request =
        new URL(url).protocol === 'https:'
          ? httpsRequest(url, { ...options, ca, rejectUnauthorized: true })
          : httpRequest(url, options);
      request.on('error', reject);
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const body = Readable.toWeb(response) as unknown as BodyStreamLike;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: {
            get: (name) => {
              const value = response.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : (value ?? null);
            },
          },
          body,
          text: () => new Response(body as unknown as ReadableStream).text(),
        });
      });
      request.end();
    });
}
