/**
 * The codec for each known server `action` (§6), and the two decode paths over them.
 * @module
 */

import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { FrameDecodeError } from './decode-error.js';
import { invalidFrame } from './decode-report.js';
import { type LenientType, MISS, type Miss, widen } from './lenient.js';
import type { ServerFrame } from './messages.js';
import { AttendeesNotifyCodec } from './notify/attendees.js';
import { ConfBasicInfoNotifyCodec, ConfBasicInfoNotifyOwnedFast } from './notify/conf-basic-info.js';
import { ConfDynamicInfoNotifyCodec, ConfDynamicInfoNotifyOwnedFast } from './notify/conf-dynamic-info.js';
import { InterpreterGroupNotifyCodec } from './notify/interpreter-group.js';
import { InviteResultNotifyCodec } from './notify/invite-result.js';
import { NetConditionNotifyCodec } from './notify/net-condition.js';
import { ParticipantsNotifyCodec } from './notify/participants.js';
import { RealTimeSubtitleNotifyCodec } from './notify/real-time-subtitle.js';
import { SpeakerChangeNotifyCodec } from './notify/speaker-change.js';
import { WaitingListNotifyCodec } from './notify/waiting-list.js';
import { readFrameAction } from './parse-frame-text.js';
import { ConfControlReplyCodec, HeartBeatReplyCodec, SubscribeReplyCodec } from './replies.js';

/** Known actions → codec. A Map, so an `action` such as `toString` cannot reach the prototype. @internal */
export const FRAME_CODECS: ReadonlyMap<string, LenientType<ServerFrame>> = new Map<
  string,
  LenientType<ServerFrame>
>([
  ['ConfBasicInfoNotify', widen(ConfBasicInfoNotifyCodec)],
  ['ConfDynamicInfoNotify', widen(ConfDynamicInfoNotifyCodec)],
  ['ParticipantsNotify', widen(ParticipantsNotifyCodec)],
  ['AttendeesNotify', widen(AttendeesNotifyCodec)],
  ['SpeakerChangeNotify', widen(SpeakerChangeNotifyCodec)],
  ['NetConditionNotify', widen(NetConditionNotifyCodec)],
  ['InviteResultNotify', widen(InviteResultNotifyCodec)],
  ['RealTimeSubtitleNotify', widen(RealTimeSubtitleNotifyCodec)],
  ['WaitingListNotify', widen(WaitingListNotifyCodec)],
  ['InterpreterGroupNotify', widen(InterpreterGroupNotifyCodec)],
  ['Subscribe', widen(SubscribeReplyCodec)],
  ['HeartBeat', widen(HeartBeatReplyCodec)],
  ['ConfControl', widen(ConfControlReplyCodec)],
]);

/** A fast path of one action: the frame, or MISS for "take the full decode". */
type FastPath = (u: Record<string, unknown>) => ServerFrame | Miss;

/** Each codec's fast path, which leaves its input as it was. */
const SHARED_FAST_PATHS: ReadonlyMap<string, FastPath> = new Map(
  [...FRAME_CODECS].map(([action, codec]): [string, FastPath] => [action, codec.fast]),
);

/**
 * The fast paths for frames whose parsed value nobody else holds: where one exists, a path that may
 * take the parsed object apart instead of copying it (see `ConfDynamicInfoNotifyOwnedFast`), else
 * the codec's. Their results equal the codec's.
 */
const OWNED_FAST_PATHS: ReadonlyMap<string, FastPath> = new Map([
  ...SHARED_FAST_PATHS,
  ['ConfBasicInfoNotify', ConfBasicInfoNotifyOwnedFast],
  ['ConfDynamicInfoNotify', ConfDynamicInfoNotifyOwnedFast],
]);

const participantsOwned = OWNED_FAST_PATHS.get('ParticipantsNotify');
const statusOwned = OWNED_FAST_PATHS.get('ConfDynamicInfoNotify');
const speakersOwned = OWNED_FAST_PATHS.get('SpeakerChangeNotify');

/**
 * The owned fast path of the most frequent actions, found without the Map: the action is a fresh
 * string every frame, which a lookup must hash, while a comparison with a constant of another
 * length fails at once.
 */
function frequentOwnedPath(action: string): FastPath | undefined {
  if (action === 'ParticipantsNotify') return participantsOwned;
  if (action === 'ConfDynamicInfoNotify') return statusOwned;
  if (action === 'SpeakerChangeNotify') return speakersOwned;
  return undefined;
}

/** Which decode paths to use: both (the default), or the full liberal io-ts decode alone. @internal */
export type DecodePath = 'fast-then-full' | 'full';

/**
 * Decodes an already-parsed frame. With `fast-then-full`, frames in their documented form take
 * the fast path and anything else the full io-ts decode; `full` skips the fast path (for tests
 * proving both give the same result, and for the benchmark). `owned`: the caller parsed `value`
 * itself and nobody else holds it, so a fast path may reuse its objects in place.
 * @internal
 */
export function decodeParsedFrame(
  value: unknown,
  path: DecodePath = 'fast-then-full',
  owned = false,
): Either<FrameDecodeError, ServerFrame> {
  if (path === 'fast-then-full' && typeof value === 'object' && value !== null) {
    // The documented form has the exact action name, which finds the fast path; anything else (a
    // padded name, an unknown action, an array) goes the long way below.
    const action = (value as { action?: unknown }).action;
    const fast =
      typeof action !== 'string'
        ? undefined
        : owned
          ? (frequentOwnedPath(action) ?? OWNED_FAST_PATHS.get(action))
          : SHARED_FAST_PATHS.get(action);
    if (fast !== undefined) {
      const frame = fast(value as Record<string, unknown>);
      if (frame !== MISS) return right(frame);
    }
  }
  return decodeSlowly(value, path);
}

/** Everything but the fast path: the frame's action read liberally, then the full decode. */
function decodeSlowly(value: unknown, path: DecodePath): Either<FrameDecodeError, ServerFrame> {
  const action = readFrameAction(value);
  if (typeof action !== 'string') return left(action);
  const frame = value as Record<string, unknown>; // readFrameAction checked it is an object
  const codec = FRAME_CODECS.get(action);
  // §6.13: any other action is delivered as an unknown notification, not an error.
  if (codec === undefined) return right({ action: 'UnknownNotify', rawAction: action, raw: frame });
  // The fast path already missed when the action was exact; a padded one gets its own try.
  if (path === 'fast-then-full' && frame.action !== action) {
    const fast = codec.fast(frame);
    if (fast !== MISS) return right(fast);
  }
  const decoded = codec.decode(frame);
  return isLeft(decoded) ? left(invalidFrame(action, decoded.left)) : right(decoded.right);
}
