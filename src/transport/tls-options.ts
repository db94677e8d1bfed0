/**
 * The `tls` option: extra certificate authorities to trust for `https:` and `wss:` (issue 6). Only
 * the type lives here, imported by the Node-only clients and by `node-runtime.ts` alike; the
 * factories that honour it are in `trusting-transport.ts`, which loads those clients, so keeping the
 * two apart leaves no import cycle through the runtime module.
 */

/**
 * Extra trust for TLS connections (Node.js only: in a browser, `connectMeeting` throws a
 * `TypeError` when it is given, because there the browser's trust store alone decides). There is
 * deliberately no option that turns certificate verification off: to reach a server with a private
 * or self-signed certificate, give its CA here.
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
