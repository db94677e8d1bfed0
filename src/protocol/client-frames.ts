/**
 * Encoders for the frames a client sends (§5): Subscribe, HeartBeat and the captions switch.
 * They return JSON text ready for `socket.send`. That text carries the control token, as the wire
 * requires, so it must never be logged unredacted (see `redactSecrets`).
 * @module
 */
import { type Secret, toSecret } from '../security/secret.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import type { NotifyType } from './notify-types.js';

const SEQUENCE_LENGTH = 30;
const BASIC_PREFIX = /^Basic\s+/;

/**
 * A frame `sequence`: the ms timestamp as decimal digits, zero-padded to 30 characters as in the
 * published examples (§5.1, §5.2). Negative or non-finite input counts as 0.
 *
 * @example
 * ```ts
 * makeSequence(1767258061234); // '000000000000000001767258061234'
 * ```
 * @category Protocol
 */
export function makeSequence(nowMs: number): string {
  const ms = Number.isFinite(nowMs) && nowMs > 0 ? Math.trunc(nowMs) : 0;
  return String(ms).padStart(SEQUENCE_LENGTH, '0').slice(-SEQUENCE_LENGTH);
}

/**
 * The `Basic <base64(token)>` form of a control token (§2.3), as the published Subscribe examples
 * send it. A value already in that form is returned unchanged. The result reveals the token: use it
 * only on the wire.
 *
 * @example
 * ```ts
 * basicAuthorization('stb4c1d…'); // 'Basic c3RiNGMxZ…'
 * ```
 * @category Protocol
 */
export function basicAuthorization(token: Secret | string): string {
  const text = toSecret(token).reveal();
  return BASIC_PREFIX.test(text) ? text : `Basic ${encodeBase64(text)}`;
}

/**
 * The token inside an authorisation value: decodes the `Basic <base64>` form, returns a raw token
 * unchanged (§2.3: both forms are accepted everywhere).
 * @category Protocol
 */
export function tokenFromAuthorization(value: string): string {
  const trimmed = value.trim();
  if (!BASIC_PREFIX.test(trimmed)) return trimmed;
  return decodeBase64(trimmed.replace(BASIC_PREFIX, '')) ?? trimmed;
}

/**
 * What a Subscribe frame carries (§5.1).
 * @category Protocol
 */
export interface SubscribeFrameInput {
  /** The frame's sequence, e.g. from `makeSequence`. */
  readonly sequence: string;
  /** The conference ID; sent as `conferenceID` (§9.2: the table requires it). */
  readonly conferenceId: string;
  /** The push types wanted; undocumented names are allowed (§6.13). */
  readonly subscribeTypes: readonly (NotifyType | (string & {}))[];
  /** The control token, raw or already in `Basic` form; sent in `Basic` form. */
  readonly confToken: Secret | string;
}

/**
 * The Subscribe frame as JSON text. Its `data` is itself a JSON **string** holding `conferenceID`,
 * `subscribeType` and `confToken`, as every published example sends it (§5.1, §9.1).
 *
 * @example
 * ```ts
 * socket.send(encodeSubscribe({
 *   sequence: makeSequence(Date.now()),
 *   conferenceId: '913570246',
 *   subscribeTypes: ['ParticipantsNotify', 'SpeakerChangeNotify'],
 *   confToken: controlToken.token,
 * }));
 * ```
 * @category Protocol
 */
export function encodeSubscribe(input: SubscribeFrameInput): string {
  const data = JSON.stringify({
    conferenceID: input.conferenceId,
    subscribeType: [...input.subscribeTypes],
    confToken: basicAuthorization(input.confToken),
  });
  return JSON.stringify({ action: 'Subscribe', sequence: input.sequence, data });
}

/**
 * The HeartBeat frame as JSON text (§5.2); the server echoes the same `sequence` (§6.2).
 *
 * @example
 * ```ts
 * socket.send(encodeHeartBeat(makeSequence(Date.now())));
 * ```
 * @category Protocol
 */
export function encodeHeartBeat(sequence: string): string {
  return JSON.stringify({ action: 'HeartBeat', sequence });
}

/**
 * What the captions switch carries (§5.3).
 * @category Protocol
 */
export interface ConfControlSubtitleInput {
  readonly sequence: string;
  readonly conferenceId: string;
  /** The control token, raw or in `Basic` form; sent in `Basic` form. */
  readonly confToken: Secret | string;
  /** `true` starts captions (`isSubtitle: 1`), `false` stops them (`0`). */
  readonly enable: boolean;
  /** Display mode; `0` = the two loudest speakers (the only documented value). */
  readonly subtitleType?: number;
  /** Recognition model: `chinese_16k_general` (default on the server) or `chinese_16k_trial`. */
  readonly sisProperty?: string;
  /** Up to 4 participant `pid`s for the designated-speakers mode. */
  readonly speakerIds?: readonly string[];
}

/**
 * The `ConfControl` / `REALTIMESUBTITLE` frame as JSON text (§5.3), its `data` a JSON string.
 * Integer fields are sent as numbers, as the table says (the sample code's strings are also read
 * by the server).
 *
 * @example
 * ```ts
 * socket.send(encodeConfControlSubtitle({
 *   sequence: makeSequence(Date.now()), conferenceId: '913570246', confToken, enable: true,
 * }));
 * ```
 * @category Protocol
 */
export function encodeConfControlSubtitle(input: ConfControlSubtitleInput): string {
  const data: Record<string, unknown> = {
    conferenceID: input.conferenceId,
    confToken: basicAuthorization(input.confToken),
    isSubtitle: input.enable ? 1 : 0,
  };
  if (input.subtitleType !== undefined) data.subtitleType = input.subtitleType;
  if (input.sisProperty !== undefined) data.sisProperty = input.sisProperty;
  if (input.speakerIds !== undefined) data.id = [...input.speakerIds];
  return JSON.stringify({
    action: 'ConfControl',
    sequence: input.sequence,
    type: 'REALTIMESUBTITLE',
    data: JSON.stringify(data),
  });
}
