/**
 * Decoding of the frames a client sends (§5), for the simulator's side of the socket. Liberal in
 * the same way as the server-frame decoder: Subscribe `data` may be JSON text or an object (§9.1),
 * integers may be strings (§5.3 sample code), keys may be padded.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { Secret } from '../security/secret.js';
import { lenientArray, lenientObject, objectOrJsonText } from './combinators.js';
import type { FrameDecodeError } from './decode-error.js';
import { invalidFrame } from './decode-report.js';
import { actionLiteral, type LenientType, NumberLike, SecretLike, StringLike, widen } from './lenient.js';
import { parseFrameText, readFrameAction } from './parse-frame-text.js';
import { redactSecrets } from './redact.js';

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

const subscribeData = objectOrJsonText(
  lenientObject<SubscribeData>(
    'SubscribeData',
    {
      conferenceID: { codec: StringLike },
      subscribeType: { codec: lenientArray(StringLike), required: true },
      confToken: { codec: SecretLike },
    },
    { unknownKeys: 'drop' },
  ),
);

const confControlData = objectOrJsonText(
  lenientObject<ConfControlData>(
    'ConfControlData',
    {
      conferenceID: { codec: StringLike },
      confToken: { codec: SecretLike },
      isSubtitle: { codec: NumberLike },
      subtitleType: { codec: NumberLike },
      sisProperty: { codec: StringLike },
      id: { codec: lenientArray(StringLike) },
    },
    { unknownKeys: 'keep' },
  ),
);

const CLIENT_CODECS: ReadonlyMap<string, LenientType<ClientFrame>> = new Map<
  string,
  LenientType<ClientFrame>
>([
  [
    'Subscribe',
    widen(
      lenientObject<SubscribeRequest>(
        'Subscribe',
        {
          action: { codec: actionLiteral('Subscribe'), required: true },
          sequence: { codec: StringLike, required: true },
          data: { codec: subscribeData, required: true },
        },
        { unknownKeys: 'drop' },
      ),
    ),
  ],
  [
    'HeartBeat',
    widen(
      lenientObject<HeartBeatRequest>(
        'HeartBeat',
        {
          action: { codec: actionLiteral('HeartBeat'), required: true },
          sequence: { codec: StringLike, required: true },
        },
        { unknownKeys: 'drop' },
      ),
    ),
  ],
  [
    'ConfControl',
    widen(
      lenientObject<ConfControlRequest>(
        'ConfControl',
        {
          action: { codec: actionLiteral('ConfControl'), required: true },
          sequence: { codec: StringLike, required: true },
          type: { codec: StringLike, required: true },
          data: { codec: confControlData, fallback: () => ({}) },
        },
        { unknownKeys: 'drop' },
      ),
    ),
  ],
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
