/**
 * Masks passwords and tokens in text bound for logs and error messages (Appendix B: redact
 * `pwds[].pwd`, `token`, `confToken`, `tmpToken`, `webSocketToken` and the host password in every
 * log line, error message and `toString`).
 * @module
 */
import { REDACTED } from '../security/secret.js';

/**
 * Key names whose values are secrets, in JSON, escaped JSON (Subscribe `data`), query strings and
 * HTTP header dumps. Matched case-insensitively.
 * @category Security
 */
export const SECRET_KEYS: readonly string[] = [
  'pwd',
  'password',
  'hostPassword',
  'token',
  'confToken',
  'tmpToken',
  'webSocketToken',
  'tmpWsToken',
  'addressToken',
  'X-Password',
  'X-Conference-Authorization',
  'X-Nonce',
];

const KEYS = SECRET_KEYS.map((k) => k.replace(/[-]/g, '\\-')).join('|');

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // "token": "…"  (a padded key such as "pwd " too)
  [new RegExp(String.raw`("\s*(?:${KEYS})\s*"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  // "pwd": 123456
  [new RegExp(String.raw`("\s*(?:${KEYS})\s*"\s*:\s*)-?\d[\d.eE+-]*`, 'gi'), `$1"${REDACTED}"`],
  // \"confToken\":\"…\" inside a JSON string (§5.1 Subscribe data)
  [
    new RegExp(String.raw`(\\"\s*(?:${KEYS})\s*\\"\s*:\s*)\\"(?:[^\\"]|\\\\(?:\\")?|\\[^\\"])*\\"`, 'gi'),
    `$1\\"${REDACTED}\\"`,
  ],
  // \"pwd\":123456 inside a JSON string
  [new RegExp(String.raw`(\\"\s*(?:${KEYS})\s*\\"\s*:\s*)-?\d[\d.eE+-]*`, 'gi'), `$1\\"${REDACTED}\\"`],
  // pwd: 'hunter2' and 'X-Password': '…' as util.inspect and JS literals print them (not a JSON
  // string that merely ends in `token:`)
  [
    new RegExp(String.raw`(?<!")\b(${KEYS})('?\s*:\s*)(['"])(?:(?!\3)[^\\]|\\.)*\3`, 'gi'),
    `$1$2$3${REDACTED}$3`,
  ],
  // ?tmpToken=… in URLs (§4), token=… in form text
  [new RegExp(String.raw`\b(${KEYS})=[^&\s"'#,;]+`, 'gi'), `$1=${REDACTED}`],
  // X-Password: … in header dumps
  [/\b(X-Password|X-Conference-Authorization|X-Nonce)(\s*:\s*)(?!["\s])[^\r\n,;}]+/gi, `$1$2${REDACTED}`],
  // Basic <base64> (§2.3); requires a digit, capital or symbol so prose like "Basic information" stays
  [/\bBasic\s+(?=[A-Za-z0-9+/]*[0-9A-Z+/])[A-Za-z0-9+/]{8,}={0,2}/g, `Basic ${REDACTED}`],
  // Bare tokens in the published format: stb|cnr + 48 hex (§2.2)
  [/\b(?:stb|cnr)[0-9a-f]{48}\b/g, REDACTED],
];

/**
 * Returns `text` with every secret value masked as `[redacted]`: values of {@link SECRET_KEYS} in
 * JSON (also escaped JSON inside a string), `util.inspect` / JS-literal text (`pwd: '…'`),
 * `key=value` query text and header dumps, `Basic …`
 * authorisation values, and bare tokens in the service's `stb…`/`cnr…` format.
 *
 * @example
 * ```ts
 * redactSecrets('wss://h/conn?confID=1&tmpToken=cnr3f2e…'); // 'wss://h/conn?confID=1&tmpToken=[redacted]'
 * redactSecrets('{"pwd":"123456","role":"chair"}');        // '{"pwd":"[redacted]","role":"chair"}'
 * ```
 * @category Security
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
