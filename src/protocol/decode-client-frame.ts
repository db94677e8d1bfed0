/**
 * Decoding of the frames a client sends (§5), for the simulator's side of the socket. Liberal in
 * the same way as the server-frame decoder: Subscribe `data` may be JSON text or an object (§9.1),
 * integers may be strings (§5.3 sample code), keys may be padded.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Secret } from '../security/secret.js';
import type { FrameDecodeError } from './decode-error.js';
import { invalidFrame } from './decode-report.js';
import { jsonText, withFallback } from './extra-codecs.js';
import { parseFrameText, readFrameAction } from './parse-frame-text.js';
import { redactSecrets } from './redact.js';
import { actionLiteral, NumberLike, SecretLike, StringLike } from './scalars.js';
import { wireKeys } from './wire-keys.js';

/**
 * The JSON inside a Subscribe frame's `data` (§5.1). `confToken` is as sent: raw or `Basic` form
 * (see `tokenFromAuthorization`); its absence is the server's to judge (§6.1 AUTH_FAILED).
 * @category Protocol
 */
export interface SubscribeData {
  /** §9.2: required by the table, absent from every example. */
  readonly conferenceID?: string;
  readonly subscribeType: readonly string[];
  readonly confToken?: Secret;
}

/**
 * A Subscribe frame (§5.1).
 * @category Protocol
 */
export interface SubscribeRequest {
  readonly action: 'Subscribe';
  readonly sequence: string;
  readonly data: SubscribeData;
}

/**
 * A HeartBeat frame (§5.2).
 * @category Protocol
 */
export interface HeartBeatRequest {
  readonly action: 'HeartBeat';
  readonly sequence: string;
}

/**
 * The JSON inside a ConfControl frame's `data` (§5.3, §5.4). Unknown keys are kept.
 * @category Protocol
 */
export interface ConfControlData {
  readonly conferenceID?: string;
  readonly confToken?: Secret;
  /** `0` stop, `1` start captions. */
  readonly isSubtitle?: number;
  readonly subtitleType?: number;
  readonly sisProperty?: string;
  /** Participant `pid`s for the designated-speakers mode. */
  readonly id?: readonly string[];
  readonly [key: string]: unknown;
}

/**
 * A ConfControl frame (§5.3 `REALTIMESUBTITLE`, §5.4 `REFRESHTOKEN`, …).
 * @category Protocol
 */
export interface ConfControlRequest {
  readonly action: 'ConfControl';
  readonly sequence: string;
  /** e.g. `REALTIMESUBTITLE`. */
  readonly type: string;
  readonly data: ConfControlData;
}

/**
 * Any frame a client may send.
 * @category Protocol
 */
export type ClientFrame = SubscribeRequest | HeartBeatRequest | ConfControlRequest;

/** §9.1: Subscribe `data` is JSON text in every example, an object in the table. */
const SubscribeDataCodec = jsonText(
  wireKeys(
    t.exact(
      t.intersection([
        t.partial({ conferenceID: StringLike }),
        t.type({ subscribeType: t.array(StringLike) }),
        t.partial({ confToken: SecretLike }),
      ]),
      'SubscribeData',
    ),
  ),
);

/** ConfControl `data`; unknown keys are kept (§5.4 frames carry others). */
const ConfControlDataCodec = jsonText(
  wireKeys(
    t.partial(
      {
        conferenceID: StringLike,
        confToken: SecretLike,
        isSubtitle: NumberLike,
        subtitleType: NumberLike,
        sisProperty: StringLike,
        id: t.array(StringLike),
      },
      'ConfControlData',
    ),
  ),
);

const SubscribeRequestCodec = wireKeys(
  t.exact(
    t.type({ action: actionLiteral('Subscribe'), sequence: StringLike, data: SubscribeDataCodec }),
    'Subscribe',
  ),
);

const HeartBeatRequestCodec = wireKeys(
  t.exact(t.type({ action: actionLiteral('HeartBeat'), sequence: StringLike }), 'HeartBeat'),
);

const ConfControlRequestCodec = wireKeys(
  t.exact(
    t.type({
      action: actionLiteral('ConfControl'),
      sequence: StringLike,
      type: StringLike,
      data: withFallback(ConfControlDataCodec, () => ({})),
    }),
    'ConfControl',
  ),
);

/** Client actions → codec. A Map, so an `action` such as `toString` cannot reach the prototype. */
const CLIENT_CODECS: ReadonlyMap<string, t.Decoder<unknown, ClientFrame>> = new Map<
  string,
  t.Decoder<unknown, ClientFrame>
>([
  ['Subscribe', SubscribeRequestCodec],
  ['HeartBeat', HeartBeatRequestCodec],
  ['ConfControl', ConfControlRequestCodec],
]);

/**
 * Decodes one text frame sent by a client. Never throws. A frame that is not JSON, not an object,
 * has no `action`, has an action other than Subscribe/HeartBeat/ConfControl (`FRAME_INVALID` with
 * path `action`), or whose fields do not fit, gives a Left; §8: the simulator ignores such frames.
 * A Subscribe whose `data` is bad JSON or lacks `subscribeType` fails at path `data` or
 * `data.subscribeType` (the simulator answers `REQUEST_ERROR`, §6.1).
 *
 * @example
 * ```ts
 * const frame = decodeClientFrame(text);
 * if (isRight(frame) && frame.right.action === 'HeartBeat') socket.send(encodeHeartBeat(frame.right.sequence));
 * ```
 * @category Protocol
 */
export function decodeClientFrame(text: string): Either<FrameDecodeError, ClientFrame> {
  const parsed = parseFrameText(text);
  if (isLeft(parsed)) return parsed;
  const action = readFrameAction(parsed.right);
  if (typeof action !== 'string') return left(action);
  const codec = CLIENT_CODECS.get(action);
  if (codec === undefined) {
    return left({
      code: 'FRAME_INVALID',
      // Wire text that reaches an error: masked like every other error text (Appendix B).
      action: redactSecrets(action),
      path: 'action',
      message: 'not a client action (Subscribe, HeartBeat, ConfControl)',
    });
  }
  const decoded = codec.decode(parsed.right);
  return isLeft(decoded) ? left(invalidFrame(action, decoded.left)) : right(decoded.right);
}
