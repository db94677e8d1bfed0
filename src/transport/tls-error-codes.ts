/**
 * Recognising a refused TLS certificate from an error's `code`. Shared by the REST calls
 * (`auth/rest-get.ts`) and the `ws` socket (`node-websocket.ts`); it imports nothing, so both reach
 * it without pulling in the Node runtime or each other.
 */

/** OpenSSL / Node error codes that mean "the server's certificate was not accepted". */
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_/;

/**
 * The reason to report for a failed connection's error `code`: "TLS certificate rejected: CODE"
 * when the server's certificate was refused (so a missing `tls.ca` is recognisable at a glance,
 * docs/security.md), else `undefined`. Codes only: an error's message could quote the URL, which
 * may carry a token.
 * @example
 * ```ts
 * certificateRejection('SELF_SIGNED_CERT_IN_CHAIN'); // 'TLS certificate rejected: SELF_SIGNED_CERT_IN_CHAIN'
 * certificateRejection('ECONNREFUSED'); // undefined
 * ```
 */
export function certificateRejection(code: string): string | undefined {
  return CERTIFICATE_CODES.test(code) ? `TLS certificate rejected: ${code}` : undefined;
}
