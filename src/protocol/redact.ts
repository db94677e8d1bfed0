/**
 * Masks passwords and tokens in text bound for logs and error messages (Appendix B: redact
 * `pwds[].pwd`, `token`, `confToken`, `tmpToken`, `webSocketToken` and the host password in every
 * log line, error message and `toString`).
 * @module
 */
import { REDACTED, type Secret, toSecret } from '../security/secret.js';
import { encodeBase64 } from './base64.js';

/**
 * Key names whose values are secrets, in JSON, escaped JSON (Subscribe `data`), query strings and
 * HTTP header dumps. Matched case-insensitively; besides these, every key that contains `pwd`,
 * `password` or `token` (`guestPwd`, `chairPwd`, `X-Auth-Token`) is secret too (see
 * {@link isSecretKey}).
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

/** The listed keys, or any word (letters, digits, `_`, `-`) containing pwd / password / token. */
const KEYS = [
  String.raw`[\w-]*(?:pwd|password|token)[\w-]*`,
  ...SECRET_KEYS.map((k) => k.replace(/[-]/g, '\\-')),
].join('|');
/** Every key of {@link SECRET_KEYS} contains pwd, password or token, but these two. */
const SECRET_KEY_SHAPE = /pwd|password|token|x-nonce|x-conference-authorization/i;

/**
 * Whether values under the key `key` are secret: one of {@link SECRET_KEYS} or any key containing
 * `pwd`, `password` or `token`, case-insensitively, leading and trailing spaces ignored.
 * @example
 * ```ts
 * isSecretKey('guestPwd'); // true
 * isSecretKey('title');    // false
 * ```
 * @category Security
 */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SHAPE.test(key);
}

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

/**
 * The shortest secret a {@link SecretRedactor} masks by its text: a shorter one would mask
 * ordinary words and numbers (a 3-digit password would turn every "200" into `[redacted]`).
 * Shapes ({@link redactSecrets}) still apply.
 * @category Security
 */
export const MIN_KNOWN_SECRET_LENGTH = 4;

/**
 * How many issued or received tokens a {@link SecretRedactor} remembers besides the secrets it was
 * made with: the newest ones (a meeting that reconnected 10,000 times does not hold 10,000 dead
 * single-use tokens, and the control token in use is always among the newest).
 * @category Security
 */
export const MAX_REMEMBERED_SECRETS = 32;

/**
 * One meeting's redactor: {@link redactSecrets}, plus every secret it has been told of, in each
 * form it can travel in (raw, `Basic <base64>`, the base64 alone, URL-encoded).
 * @category Security
 */
export interface SecretRedactor {
  /** Remembers `secret` (the host password, a token issued or received) for every later call. */
  remember(secret: Secret | string): void;
  /** `text` with every remembered secret and every secret shape masked as `[redacted]`. */
  redact(text: string): string;
  /**
   * A cheap test of a whole frame's text, before it is decoded: whether it may hold a secret
   * {@link SecretRedactor.redact} would mask — the secrets given at creation and the newest
   * remembered ones in their raw and base64 forms, a `stb…`/`cnr…` token, a `Basic ` value, or a
   * `\u` escape (which could spell any of them). `false` means no string decoded from `text` needs
   * {@link SecretRedactor.redactLeaf}.
   */
  mentions(text: string): boolean;
  /** `text` through {@link SecretRedactor.redact} if it contains a remembered secret or a secret shape; else `text` itself. */
  redactLeaf(text: string): string;
}

/** How many of the newest remembered secrets {@link SecretRedactor.mentions} looks for. */
const NEWEST_CHECKED = 4;
/** A token in the service's shape, or a `Basic` value, anywhere in a text. */
const SHAPE_HINT = /(?:stb|cnr)[0-9a-f]{48}|Basic\s/;

/**
 * A {@link SecretRedactor} that knows `secrets` from the start. The meeting keeps one and passes
 * every piece of server text that enters a `MeetingError`, a warning or a log line through it.
 * @example
 * ```ts
 * const r = createSecretRedactor([hostPassword]);
 * r.remember(info.token);
 * r.redact(`bad token ${info.token.reveal()}`); // 'bad token [redacted]'
 * ```
 * @category Security
 */
export function createSecretRedactor(secrets: ReadonlyArray<Secret | string> = []): SecretRedactor {
  const formsOf = (text: string) => {
    const base64 = encodeBase64(text);
    return [
      text,
      base64,
      encodeURIComponent(text),
      encodeURIComponent(base64),
      JSON.stringify(text).slice(1, -1),
    ];
  };
  const usable = (secret: Secret | string) => {
    const text = toSecret(secret).reveal();
    return text.length >= MIN_KNOWN_SECRET_LENGTH ? text : undefined;
  };
  /** The secrets given at creation: kept for the redactor's life. */
  const pinned = secrets.map(usable).filter((text): text is string => text !== undefined);
  /** The most recent remembered secrets, oldest first; at most MAX_REMEMBERED_SECRETS. */
  const recent: string[] = [];
  /** Every form of every secret, longest first (a form may contain a shorter one). */
  let forms: string[] = [];
  /** The forms {@link SecretRedactor.mentions} looks for in a frame's text. */
  let hints: string[] = [];
  const rebuild = () => {
    forms = [...new Set([...pinned, ...recent].flatMap(formsOf))].sort((a, b) => b.length - a.length);
    const newest = recent.slice(-NEWEST_CHECKED).flatMap((text) => [text, encodeBase64(text)]);
    hints = [...new Set([...pinned.flatMap(formsOf), ...newest])];
  };
  rebuild();
  const redact = (text: string) => {
    let out = String(text);
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return redactSecrets(out);
  };
  return {
    remember: (secret) => {
      const text = usable(secret);
      if (text === undefined || pinned.includes(text) || recent.includes(text)) return;
      recent.push(text);
      if (recent.length > MAX_REMEMBERED_SECRETS) recent.shift();
      rebuild();
    },
    redact,
    mentions: (text) =>
      text.includes('\\u') || SHAPE_HINT.test(text) || hints.some((hint) => text.includes(hint)),
    redactLeaf: (text) => {
      if (text.length < MIN_KNOWN_SECRET_LENGTH) return text;
      const hit =
        SHAPE_HINT.test(text) || forms.some((form) => text.includes(form)) || LEAF_SHAPES.test(text);
      return hit ? redact(text) : text;
    },
  };
}

/** Text a key-value secret rule of {@link redactSecrets} could match inside one string. */
const LEAF_SHAPES = /pwd|password|token|X-Nonce/i;

/**
 * `value` with every string in it (own enumerable fields of plain objects, a few levels deep)
 * passed through `redact`: for a `MeetingError` or a warning on its way out. Returns `value` itself
 * when nothing changed.
 * @category Security
 */
export function redactStrings<T>(value: T, redact: (text: string) => string, depth = 3): T {
  if (typeof value === 'string') return redact(value) as T;
  if (depth <= 0 || typeof value !== 'object' || value === null) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype && !Array.isArray(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const redacted = redactStrings(field, redact, depth - 1);
    if (redacted !== field) changed = true;
    out[key] = redacted;
  }
  return changed ? (out as T) : value;
}
