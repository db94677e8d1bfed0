/**
 * Decoders for the REST answers: the control token (§2.2), the WebSocket token (§3) and the error
 * body shared by every Meeting API (§2.5). Tokens come out as `Secret`s.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describeFailure } from './decode-report.js';
import { withFallback } from './extra-codecs.js';
import { findKey, isRecord } from './keys.js';
import type { ControlTokenInfo, RestErrorBody, WebSocketTokenInfo } from './messages.js';
import { lenientScalar, MISS, NumberLike, numberOf, SecretLike, StringLike } from './scalars.js';
import { wireKeys } from './wire-keys.js';

/**
 * A REST answer body that does not have the documented shape. Its message names fields and types,
 * never values.
 * @category Errors
 */
export interface RestBodyError {
  /** Always `REST_BAD_BODY`. */
  readonly code: 'REST_BAD_BODY';
  /** Where decoding failed, e.g. `data.token`; empty for the whole body. */
  readonly path: string;
  /** A readable, redacted explanation. */
  readonly message: string;
}

/** §9.14: samples append `/cms/open/…` to `wsURL`; strip trailing slashes so the join is clean. */
const WsUrl = lenientScalar(
  'URL string',
  (u): u is string => typeof u === 'string',
  (u) => (typeof u === 'string' ? u.trim().replace(/\/+$/, '') : MISS),
);

const TokenInfoCodec = wireKeys(
  t.exact(
    t.intersection([
      t.type({ token: SecretLike, wsURL: WsUrl, expireTime: NumberLike }),
      t.partial({
        confTokenExpireTime: NumberLike,
        tmpWsToken: SecretLike,
        role: NumberLike,
        userID: StringLike,
        orgID: StringLike,
        vmrCurrentConfID: StringLike,
        supportNotifyType: t.array(StringLike),
      }),
    ]),
    'TokenInfo',
  ),
);

const ControlTokenBody = wireKeys(t.exact(t.type({ data: TokenInfoCodec }), 'CreateConfToken response'));

const WebSocketTokenBody = wireKeys(
  t.exact(t.type({ webSocketToken: SecretLike }), 'CreateWebSocketToken response'),
);

const RestErrorBodyCodec = wireKeys(
  t.exact(
    t.type({ error_code: StringLike, error_msg: withFallback(StringLike, () => '') }),
    'Meeting API error body',
  ),
);

function run<A>(codec: t.Decoder<unknown, A>, json: unknown): Either<RestBodyError, A> {
  const decoded = codec.decode(json);
  return isLeft(decoded)
    ? left({ code: 'REST_BAD_BODY', ...describeFailure(codec.name, decoded.left) })
    : right(decoded.right);
}

/**
 * Decodes the body of CreateConfToken (§2.2): `data.token` and `data.tmpWsToken` become
 * `Secret`s, `wsURL` loses any trailing `/` (§9.14), `expireTime` is a number even when sent
 * as a string.
 *
 * @example
 * ```ts
 * const info = decodeControlTokenResponse(await response.json());
 * if (isRight(info)) headers['X-Conference-Authorization'] = info.right.token.reveal();
 * ```
 * @category Protocol
 */
export function decodeControlTokenResponse(json: unknown): Either<RestBodyError, ControlTokenInfo> {
  const decoded = run(ControlTokenBody, json);
  return isLeft(decoded) ? decoded : right(decoded.right.data);
}

/**
 * Decodes the body of CreateWebSocketToken (§3): the documented flat `{ webSocketToken }`, or the
 * WeLink shape `{ returnCode: 0, data: { webSocketToken } }` (§9.26), where a non-zero
 * `returnCode` is an error.
 * @category Protocol
 */
export function decodeWebSocketTokenResponse(json: unknown): Either<RestBodyError, WebSocketTokenInfo> {
  if (isRecord(json) && findKey(json, ['webSocketToken']) === undefined && isRecord(json.data)) {
    const codeKey = findKey(json, ['returnCode']);
    const code = codeKey === undefined ? 0 : numberOf(json[codeKey]);
    if (code !== 0) {
      const detail = code === MISS ? 'not a number' : String(code);
      return left({
        code: 'REST_BAD_BODY',
        path: 'returnCode',
        message: `wsToken answer has returnCode ${detail}`,
      });
    }
    const inner = run(WebSocketTokenBody, json.data);
    return isLeft(inner)
      ? left({ ...inner.left, path: inner.left.path === '' ? 'data' : `data.${inner.left.path}` })
      : inner;
  }
  return run(WebSocketTokenBody, json);
}

/**
 * Decodes the error body of a Meeting REST call (§2.5), `{ error_code, error_msg }`; a missing
 * `error_msg` becomes `''`.
 * @category Protocol
 */
export function decodeRestErrorBody(json: unknown): Either<RestBodyError, RestErrorBody> {
  return run(RestErrorBodyCodec, json);
}
