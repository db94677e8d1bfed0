/**
 * The clean, normalised shapes of everything the service sends (PROTOCOL.md §2, §3, §6).
 *
 * The decoders in this folder accept the wire's quirks (numbers as strings, alternate key spellings,
 * keys with a trailing space, payloads at the top level) and always produce these shapes, so no quirk
 * reaches user code. Every push has the same envelope and its payload under `data`.
 * Object payloads keep unknown keys (index signature) so nothing the server adds is lost.
 */
import type { Secret } from '../security/secret.js';

// ---------------------------------------------------------------------------------------------
// Envelope
// ---------------------------------------------------------------------------------------------

/**
 * `0`: a full message (replace what you hold); `1`: an incremental message (apply on top). §6.0
 * @category Messages
 */
export type MsgMode = 0 | 1;

/**
 * `0`: add or update this item; `1`: remove it. Used by every list payload. §6.0
 * @category Messages
 */
export type ItemMode = 0 | 1;

/**
 * The fields every push carries (§6.0), normalised: `version` and `createTime` are numbers even when
 * the wire sent strings (RealTimeSubtitleNotify does).
 * @category Messages
 */
export interface NotifyEnvelope<A extends string> {
  /** The push type. */
  readonly action: A;
  /** Full message: its generation time (ms). Incremental: an increasing sequence number per type. */
  readonly version: number;
  /** Generation time, ms since the epoch. */
  readonly createTime: number;
  /** Unique message id; empty string when the server left it out. */
  readonly msgID: string;
  /** Full (`0`) or incremental (`1`). */
  readonly msgMode: MsgMode;
  /** The conference the push belongs to. */
  readonly confID: string;
}

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

/**
 * One meeting password (§6.3). The password is a {@link Secret}, so it never prints.
 * @category Messages
 */
export interface ConfPassword {
  /** `"chair"` (host) or `"general"` (ordinary participant). */
  readonly role: string;
  /** The password itself. */
  readonly pwd: Secret;
}

/**
 * Basic meeting information (§6.3). Time fields are numbers (ms); unknown keys are kept.
 * @category Messages
 */
export interface ConfBasicInfo {
  readonly displayID?: string;
  readonly title?: string;
  /** Start time, ms (the wire sends a decimal string). */
  readonly startTime?: number;
  /** Scheduled start time, ms (the wire sends a decimal string). */
  readonly scheduledStartTime?: number;
  readonly pwds?: readonly ConfPassword[];
  /** `0` off, `1` recording, `2` recording + live stream, `3` live only. */
  readonly recType?: number;
  /** `1` voice, `2` video. */
  readonly media?: number;
  readonly owner?: string;
  readonly ownerID?: string;
  readonly userType?: number;
  readonly supportWatermark?: number;
  readonly guestJoinUri?: string;
  readonly callInRestriction?: number;
  /** `COMMON` or `RTC`. */
  readonly confMode?: string;
  readonly realTimeSubtitle?: number;
  readonly orgID?: string;
  readonly webinar?: boolean;
  readonly supportWaitingRoom?: boolean;
  readonly [key: string]: unknown;
}

/**
 * One sub-picture of the multi-picture layout (§6.4).
 * @category Messages
 */
export interface PicInfo {
  readonly index: number;
  readonly id: readonly string[];
  readonly share?: number;
  readonly [key: string]: unknown;
}

/**
 * The multi-picture layout (§6.4).
 * @category Messages
 */
export interface MultiPicInfo {
  readonly picInfos: readonly PicInfo[];
  readonly picNum?: number;
  readonly period?: number;
  readonly [key: string]: unknown;
}

/**
 * Meeting status (§6.4). Integer flags are numbers even when sent as strings (`picNum`).
 * @category Messages
 */
export interface ConfDynamicInfo {
  /** `Schedule`, `Created` (running) or `Destroyed` (ended); other values are passed through. */
  readonly state?: string;
  /** End time, ms (the wire sends a decimal string). */
  readonly endTime?: number;
  /** `FREE`, `FIXED`, `ROLLCALL` or `BROADCAST`. */
  readonly mode?: string;
  readonly vas?: number;
  readonly lock?: number;
  readonly mute?: number;
  readonly lockSharing?: number;
  readonly canUnmute?: number;
  readonly chairView?: number;
  readonly picNum?: number;
  readonly partViewNum?: number;
  readonly maxPartViewNum?: number;
  readonly recState?: number;
  readonly multiPic?: MultiPicInfo;
  readonly confIMGroupId?: string;
  readonly forbiddenChat?: number;
  readonly recOccurred?: number;
  readonly realTimeSubtitle?: number;
  readonly waitingRoomState?: number;
  readonly [key: string]: unknown;
}

/**
 * One online participant's change (§6.5). `pinfoMap` holds only the keys that changed in an
 * incremental message (empty when absent); its values are always strings, and the table's
 * `CLICENT_LOGIN_TYPE` spelling is renamed to `CLIENT_LOGIN_TYPE`.
 * @category Messages
 */
export interface ParticipantItem {
  readonly pid: string;
  readonly mode: ItemMode;
  readonly pinfoMap: Readonly<Record<string, string>>;
}

/**
 * One scheduled attendee (§6.6). `orgId` is normalised to `orgID`.
 * @category Messages
 */
export interface AttendeeItem {
  readonly mode: ItemMode;
  readonly userUUID?: string;
  readonly participantID?: string;
  readonly phone?: string;
  readonly name?: string;
  readonly accountId?: string;
  /** `0` ordinary participant, `1` host. */
  readonly role?: number;
  readonly email?: string;
  readonly sms?: string;
  readonly isMute?: number;
  readonly isAutoInvite?: number;
  readonly type?: string;
  readonly address?: string;
  readonly deptUUID?: string;
  readonly deptName?: string;
  readonly orgID?: string;
  readonly thirdAccount?: string;
  readonly hidePhone?: boolean;
  readonly isNotOverlayPidName?: boolean;
  readonly [key: string]: unknown;
}

/**
 * One current speaker (§6.7).
 * @category Messages
 */
export interface SpeakerItem {
  readonly pid: string;
  readonly speakingVolume?: number;
  readonly name?: string;
}

/**
 * Media quality of one participant (§6.8). Metrics sent as decimal strings are numbers here.
 * @category Messages
 */
export interface NetConditionItem {
  readonly participantID: string;
  readonly mode: ItemMode;
  readonly netInfo?: string;
  readonly lostPacketRate?: number;
  readonly delay?: number;
  readonly jitter?: number;
  readonly fluxIn?: number;
  readonly fluxOut?: number;
  readonly audioOutLossPacketRate?: number;
  readonly videoInLossPacketRate?: number;
  readonly videoOutLossPacketRate?: number;
  readonly assistVideoInLossPacketRate?: number;
  readonly assistVideoOutLossPacketRate?: number;
  readonly outJitter?: number;
  readonly videoFluxIn?: number;
  readonly videoFluxOut?: number;
  readonly assistVideoFluxIn?: number;
  readonly assistVideoFluxOut?: number;
  readonly bandwidth?: number;
  readonly audioCodecType?: string;
  readonly videoCodecType?: string;
  readonly [key: string]: unknown;
}

/**
 * An invitation result or leave reason (§6.9); the table's `errorCode` is normalised to `resultCode`.
 * @category Messages
 */
export interface InviteResultItem {
  readonly callNumber: string;
  /** `"0"` connected; `"11111001"`…`"11076016"` leave reasons; anything else a failed call. */
  readonly resultCode: string;
}

/**
 * One caption text item (§6.10).
 * @category Messages
 */
export interface SubtitleMsg {
  /** `Original`, `Mandarin` or `English`. */
  readonly subtitleLang?: string;
  readonly translateText?: string;
  readonly id?: string;
}

/**
 * One caption update (§6.10). Keys with a stray trailing space on the wire are trimmed.
 * @category Messages
 */
export interface SubtitleData {
  readonly msgs: readonly SubtitleMsg[];
  /** `true`: the sentence is final; `false`: interim text a later message replaces. */
  readonly isFinal?: boolean;
  readonly timestamp?: number;
  readonly beginTime?: number;
  readonly endTime?: number;
  readonly participantID?: string;
}

/**
 * One waiting-room member's change (§6.11). Same `pinfoMap` rules as {@link ParticipantItem}.
 * @category Messages
 */
export interface WaitingListItem {
  readonly pid: string;
  readonly mode: ItemMode;
  readonly delType?: number;
  readonly pinfoMap: Readonly<Record<string, string>>;
}

/**
 * One interpreter (§6.12).
 * @category Messages
 */
export interface InterpreterInfo {
  readonly loginAccount?: string;
  readonly userID?: string;
  readonly callNumber?: string;
  readonly name?: string;
  readonly interpreterType?: string;
  readonly interpreterId?: string;
  readonly [key: string]: unknown;
}

/**
 * One interpretation group (§6.12); `groupId` is normalised to `groupID`.
 * @category Messages
 */
export interface InterpreterGroup {
  readonly groupID: string;
  readonly groupName?: string;
  readonly firstLanguage: string;
  readonly secondLanguage: string;
  readonly groupType?: string;
  readonly interpreters: readonly InterpreterInfo[];
  readonly [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Pushes
// ---------------------------------------------------------------------------------------------

/**
 * ConfBasicInfoNotify (§6.3): basic meeting information.
 * @category Messages
 */
export interface ConfBasicInfoNotify extends NotifyEnvelope<'ConfBasicInfoNotify'> {
  /** The fields the wire sends at the top level, gathered here. */
  readonly data: ConfBasicInfo;
}
/**
 * ConfDynamicInfoNotify (§6.4): meeting status (lock, mute, recording, layout, …).
 * @category Messages
 */
export interface ConfDynamicInfoNotify extends NotifyEnvelope<'ConfDynamicInfoNotify'> {
  /** The fields the wire sends at the top level, gathered here. */
  readonly data: ConfDynamicInfo;
}
/**
 * ParticipantsNotify (§6.5): online participants, full (`msgMode` 0) or incremental (1).
 * @category Messages
 */
export interface ParticipantsNotify extends NotifyEnvelope<'ParticipantsNotify'> {
  readonly data: readonly ParticipantItem[];
}
/**
 * AttendeesNotify (§6.6): the attendees invited when the meeting was scheduled.
 * @category Messages
 */
export interface AttendeesNotify extends NotifyEnvelope<'AttendeesNotify'> {
  readonly data: readonly AttendeeItem[];
}
/**
 * SpeakerChangeNotify (§6.7): the (up to three) loudest speakers.
 * @category Messages
 */
export interface SpeakerChangeNotify extends NotifyEnvelope<'SpeakerChangeNotify'> {
  /** Loudest first; empty when nobody speaks (the wire then omits `data`). */
  readonly data: readonly SpeakerItem[];
}
/**
 * NetConditionNotify (§6.8): media quality per participant in MCU meetings.
 * @category Messages
 */
export interface NetConditionNotify extends NotifyEnvelope<'NetConditionNotify'> {
  readonly data: readonly NetConditionItem[];
}
/**
 * InviteResultNotify (§6.9): invitation results and leave reasons.
 * @category Messages
 */
export interface InviteResultNotify extends NotifyEnvelope<'InviteResultNotify'> {
  readonly data: readonly InviteResultItem[];
}
/**
 * RealTimeSubtitleNotify (§6.10): live captions.
 * @category Messages
 */
export interface RealTimeSubtitleNotify extends NotifyEnvelope<'RealTimeSubtitleNotify'> {
  readonly data: SubtitleData;
}
/**
 * WaitingListNotify (§6.11): waiting-room members, full or incremental.
 * @category Messages
 */
export interface WaitingListNotify extends NotifyEnvelope<'WaitingListNotify'> {
  readonly data: readonly WaitingListItem[];
}
/**
 * InterpreterGroupNotify (§6.12): simultaneous-interpretation groups.
 * @category Messages
 */
export interface InterpreterGroupNotify extends NotifyEnvelope<'InterpreterGroupNotify'> {
  /** The complete group list (the wire's top-level `interpreterGroups`, or `data`). */
  readonly data: readonly InterpreterGroup[];
}

/**
 * A push whose `action` is not one of the documented types (CustomMultiPicNotify,
 * NetworkQualityNotify, …), delivered as is (§6.13).
 * @category Messages
 */
export interface UnknownNotify {
  readonly action: 'UnknownNotify';
  /** The `action` the server sent. */
  readonly rawAction: string;
  /** The whole frame as parsed, unknown keys and all. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * Any documented push.
 * @category Messages
 */
export type Notify =
  | ConfBasicInfoNotify
  | ConfDynamicInfoNotify
  | ParticipantsNotify
  | AttendeesNotify
  | SpeakerChangeNotify
  | NetConditionNotify
  | InviteResultNotify
  | RealTimeSubtitleNotify
  | WaitingListNotify
  | InterpreterGroupNotify;

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

/**
 * The answer to a Subscribe frame (§6.1). `returnDesc` is read from `"returnDesc "` (the documented
 * trailing-space key) or `returnDesc`.
 * @category Messages
 */
export interface SubscribeReply {
  readonly action: 'Subscribe';
  readonly sequence?: string;
  /** `0` success; the simulator's failure codes are in §6.1. */
  readonly returnCode: number;
  readonly returnDesc?: string;
}

/**
 * The echo of a HeartBeat frame (§6.2), carrying the request's `sequence`.
 * @category Messages
 */
export interface HeartBeatReply {
  readonly action: 'HeartBeat';
  readonly sequence: string;
}

/**
 * A reply to a ConfControl frame (§5.3); informational only.
 * @category Messages
 */
export interface ConfControlReply {
  readonly action: 'ConfControl';
  readonly sequence?: string;
  readonly type?: string;
  readonly returnCode?: number;
  readonly returnDesc?: string;
}

/**
 * Every frame the server can send, discriminated by `action`.
 * @category Messages
 */
export type ServerFrame = Notify | UnknownNotify | SubscribeReply | HeartBeatReply | ConfControlReply;

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

/**
 * The control-token answer (§2.2), normalised. Tokens are {@link Secret}s.
 * @category Messages
 */
export interface ControlTokenInfo {
  /** The meeting control token. */
  readonly token: Secret;
  /** The WebSocket server, with any trailing `/` removed (§9.14). */
  readonly wsURL: string;
  /** Expiry of the token, ms since the epoch. */
  readonly expireTime: number;
  /** Lifetime in seconds, when the server says (§10.2: never assume 1800). */
  readonly confTokenExpireTime?: number;
  readonly tmpWsToken?: Secret;
  /** `0` ordinary participant, `1` host. */
  readonly role?: number;
  readonly userID?: string;
  readonly orgID?: string;
  readonly vmrCurrentConfID?: string;
  readonly supportNotifyType?: readonly string[];
}

/**
 * The wsToken answer (§3), from the documented flat shape or the WeLink `{data:{…}}` shape.
 * @category Messages
 */
export interface WebSocketTokenInfo {
  readonly webSocketToken: Secret;
}

/**
 * The error body of every Meeting REST call (§2.5).
 * @category Messages
 */
export interface RestErrorBody {
  /** e.g. `MMC.111070005`. */
  readonly error_code: string;
  /** e.g. `CONF_NOT_FOUND`. */
  readonly error_msg: string;
}
