/**
 * The slow path's codec for each known server `action` (§6, §6.1, §6.2, §5.3).
 * @module
 */
import type * as t from 'io-ts';
import type { ServerFrame } from './messages.js';
import { AttendeesNotifyCodec } from './notify/attendees.js';
import { ConfBasicInfoNotifyCodec } from './notify/conf-basic-info.js';
import { ConfDynamicInfoNotifyCodec } from './notify/conf-dynamic-info.js';
import { InterpreterGroupNotifyCodec } from './notify/interpreter-group.js';
import { InviteResultNotifyCodec } from './notify/invite-result.js';
import { NetConditionNotifyCodec } from './notify/net-condition.js';
import { ParticipantsNotifyCodec } from './notify/participants.js';
import { RealTimeSubtitleNotifyCodec } from './notify/real-time-subtitle.js';
import { SpeakerChangeNotifyCodec } from './notify/speaker-change.js';
import { WaitingListNotifyCodec } from './notify/waiting-list.js';
import { ConfControlReplyCodec, HeartBeatReplyCodec, SubscribeReplyCodec } from './replies.js';

/** Known actions → codec. A Map, so an `action` such as `toString` cannot reach the prototype. @internal */
export const FRAME_CODECS: ReadonlyMap<string, t.Decoder<unknown, ServerFrame>> = new Map<
  string,
  t.Decoder<unknown, ServerFrame>
>([
  ['ConfBasicInfoNotify', ConfBasicInfoNotifyCodec],
  ['ConfDynamicInfoNotify', ConfDynamicInfoNotifyCodec],
  ['ParticipantsNotify', ParticipantsNotifyCodec],
  ['AttendeesNotify', AttendeesNotifyCodec],
  ['SpeakerChangeNotify', SpeakerChangeNotifyCodec],
  ['NetConditionNotify', NetConditionNotifyCodec],
  ['InviteResultNotify', InviteResultNotifyCodec],
  ['RealTimeSubtitleNotify', RealTimeSubtitleNotifyCodec],
  ['WaitingListNotify', WaitingListNotifyCodec],
  ['InterpreterGroupNotify', InterpreterGroupNotifyCodec],
  ['Subscribe', SubscribeReplyCodec],
  ['HeartBeat', HeartBeatReplyCodec],
  ['ConfControl', ConfControlReplyCodec],
]);
