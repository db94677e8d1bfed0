/**
 * The certificate authorities a TLS connection with `tls.ca` trusts (Node-only: imported by the
 * on-demand `node-https-fetch.ts` and `node-websocket.ts`, never on the browser path).
 */
import { Buffer } from 'node:buffer';
import { rootCertificates } from 'node:tls';
import type { TlsOptions } from './tls-options.js';

/**
 * Node's built-in roots plus `tls.ca`: giving `ca` to Node replaces its default roots, so they are
 * kept here and the extra ones added (byte arrays as Buffer views of the same memory, the type
 * Node's TLS options declare).
 */
export function trustedAuthorities(tls: TlsOptions): (string | Buffer)[] {
  const extra: readonly (string | Uint8Array)[] =
    typeof tls.ca === 'string' || tls.ca instanceof Uint8Array ? [tls.ca] : tls.ca;
  return [
    ...rootCertificates,
    ...extra.map((ca) =>
      typeof ca === 'string' ? ca : Buffer.from(ca.buffer, ca.byteOffset, ca.byteLength),
    ),
  ];
}
