/**
 * A {@link FetchLike} on `node:http` / `node:https`: the client's REST transport on Node.js.
 * Node-only: loaded on demand (see `node-runtime.ts`), never on the browser path.
 *
 * Why not the global `fetch` (undici) on Node: it takes no per-request `ca`, and each watched
 * meeting's two token calls through it left ~20 KiB of memory outside the JavaScript heap per
 * meeting (measured with 1,000 meetings, `docs/benchmarks.md`), which the core HTTP client does not.
 */
import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { BodyStreamLike, FetchLike, ResponseLike } from './fetch-like.js';
import { trustedAuthorities } from './node-trust.js';
import type { TlsOptions } from './tls-options.js';

/** The body as the {@link BodyStreamLike} the capped reader takes, straight from Node's stream. */
function bodyOf(response: IncomingMessage): BodyStreamLike {
  const chunks = response[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const cancel = async () => {
    response.destroy();
  };
  return {
    getReader: () => ({
      read: async () => {
        const next = await chunks.next();
        return next.done === true ? { done: true } : { done: false, value: next.value };
      },
      cancel,
    }),
    cancel,
  };
}

async function readAll(body: BodyStreamLike): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A `fetch` for GET requests on `node:https` (and `node:http` for plain `http:` URLs, such as the
 * simulator without TLS). The server's certificate is always verified, against Node's built-in
 * roots plus `tls.ca` when given; `rejectUnauthorized` stays `true` and the host name is checked.
 * The body is handed over as a stream, so the REST layer's size cap stops reading early.
 * @param tls - extra certificate authorities to trust; without it, Node's roots alone.
 * @example
 * ```ts
 * const fetch = createNodeHttpsFetch({ ca: readFileSync('corp-root.pem') });
 * controlToken({ conferenceId, hostPassword, fetch });
 * ```
 * @category Transport
 */
export function createNodeHttpsFetch(tls?: TlsOptions): FetchLike {
  const ca = tls === undefined ? undefined : trustedAuthorities(tls);
  return (url, init) =>
    new Promise<ResponseLike>((resolve, reject) => {
      const options = { method: init.method, headers: init.headers, signal: init.signal };
      const request =
        new URL(url).protocol === 'https:'
          ? httpsRequest(url, ca === undefined ? options : { ...options, ca, rejectUnauthorized: true })
          : httpRequest(url, options);
      request.on('error', reject);
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const body = bodyOf(response);
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
          text: () => readAll(body),
        });
      });
      request.end();
    });
}
