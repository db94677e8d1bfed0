/**
 * One typed meeting state from ConfBasicInfoNotify and ConfDynamicInfoNotify (PROTOCOL.md §6.3,
 * §6.4).
 * @module
 */
import type {
  ConfBasicInfo,
  ConfBasicInfoNotify,
  ConfDynamicInfo,
  ConfDynamicInfoNotify,
  MultiPicInfo,
} from '../protocol/messages.js';
import { checkVersion } from './version-check.js';
import type { StateWarning } from './warnings.js';

/**
 * Where the meeting is in its life, from ConfDynamicInfoNotify `state` (not to be confused with
 * the client connection's `MeetingStatus` on `status$`): `Schedule` → `'scheduled'`, `Created` →
 * `'running'`, `Destroyed` → `'ended'` (§6.4, §8); `'unknown'` when absent or any other value.
 * @category State
 */
export type MeetingLifecycle = 'scheduled' | 'running' | 'ended' | 'unknown';

/**
 * `mode`: `FREE`, `FIXED` (fixed multi-picture broadcast), `ROLLCALL`, `BROADCAST` (§6.4).
 * @category State
 */
export type LayoutMode = 'free' | 'fixed' | 'roll-call' | 'broadcast' | 'unknown';

/**
 * `recType` (§6.3): `0` off, `1` recording, `2` recording and live stream, `3` live stream only.
 * @category State
 */
export type RecordingType = 'off' | 'recording' | 'recording-and-live' | 'live' | 'unknown';

/**
 * The meeting's basic and dynamic information merged into one typed object. Integer flags become
 * booleans (`true` only for `1`, or for captions any non-zero value, §6.4); times become Dates.
 * Passwords are left out on purpose (they stay, redacted, inside `basic.pwds`).
 * @category State
 */
export interface MeetingState {
  /** `displayID`: the meeting ID shown to users. */
  readonly displayID: string | undefined;
  /** `title`: the subject. */
  readonly title: string | undefined;
  /** `state`. */
  readonly state: MeetingLifecycle;
  /** `startTime`. */
  readonly startTime: Date | undefined;
  /** `scheduledStartTime`. */
  readonly scheduledStartTime: Date | undefined;
  /** `endTime` (dynamic info). */
  readonly endTime: Date | undefined;
  /** `lock`: nobody new may join. */
  readonly locked: boolean;
  /** `recState`: recording now. */
  readonly recording: boolean;
  /** `recType`: what recording or streaming the meeting is set up for. */
  readonly recordingType: RecordingType;
  /** `mute`: everyone muted (mute on join). */
  readonly muteAll: boolean;
  /** `canUnmute`: while everyone is muted, participants may unmute themselves. */
  readonly canUnmute: boolean;
  /** `lockSharing`: screen sharing locked. */
  readonly lockSharing: boolean;
  /** Dynamic `realTimeSubtitle`: live captions on. */
  readonly captions: boolean;
  /** Basic `realTimeSubtitle`: live captions supported. */
  readonly captionsSupported: boolean;
  /** `forbiddenChat`. */
  readonly chatForbidden: boolean;
  /** `vas`: voice-activated switching. */
  readonly voiceActivated: boolean;
  /** `waitingRoomState` is `1`: waiting room on (§6.4, our reading). */
  readonly waitingRoomEnabled: boolean;
  /** `supportWaitingRoom`. */
  readonly waitingRoomSupported: boolean;
  /** `webinar`. */
  readonly webinar: boolean;
  /** `pause`: meeting paused (seen only in an example). */
  readonly paused: boolean;
  /** `mode`: layout mode. */
  readonly mode: LayoutMode;
  /** `media`: `1` voice, `2` video. */
  readonly media: 'voice' | 'video' | 'unknown';
  /** `confMode`: `COMMON` or `RTC`. */
  readonly confMode: string | undefined;
  /** `owner`: the scheduler's name. */
  readonly owner: string | undefined;
  /** `ownerID`: the scheduler's user UUID. */
  readonly ownerID: string | undefined;
  /** `multiPic`: the multi-picture layout. */
  readonly multiPicture: MultiPicInfo | undefined;
  /** The basic information as received (merged), unknown keys kept. */
  readonly basic: ConfBasicInfo | undefined;
  /** The dynamic information as received (merged), unknown keys kept. */
  readonly dynamic: ConfDynamicInfo | undefined;
}

function lifecycle(value: string | undefined): MeetingLifecycle {
  switch (value) {
    case 'Schedule':
      return 'scheduled';
    case 'Created':
      return 'running';
    case 'Destroyed':
      return 'ended';
    default:
      return 'unknown';
  }
}

function layout(value: string | undefined): LayoutMode {
  switch (value) {
    case 'FREE':
      return 'free';
    case 'FIXED':
      return 'fixed';
    case 'ROLLCALL':
      return 'roll-call';
    case 'BROADCAST':
      return 'broadcast';
    default:
      return 'unknown';
  }
}

function recordingType(value: number | undefined): RecordingType {
  switch (value) {
    case 0:
      return 'off';
    case 1:
      return 'recording';
    case 2:
      return 'recording-and-live';
    case 3:
      return 'live';
    default:
      return 'unknown';
  }
}

function date(ms: number | undefined): Date | undefined {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * Merges basic and dynamic information into one {@link MeetingState}. Either may be missing (not
 * received yet); their fields then read as absent.
 * @category State
 * @example
 * ```ts
 * const state = mergeMeetingState(basic.data, dynamic.data);
 * if (state.state === 'ended') console.log(`${state.title} ended at ${state.endTime?.toISOString()}`);
 * ```
 */
export function mergeMeetingState(basic?: ConfBasicInfo, dynamic?: ConfDynamicInfo): MeetingState {
  const b: ConfBasicInfo = basic ?? {};
  const d: ConfDynamicInfo = dynamic ?? {};
  return {
    displayID: b.displayID,
    title: b.title,
    state: lifecycle(d.state),
    startTime: date(b.startTime),
    scheduledStartTime: date(b.scheduledStartTime),
    endTime: date(d.endTime),
    locked: d.lock === 1,
    recording: d.recState === 1,
    recordingType: recordingType(b.recType),
    muteAll: d.mute === 1,
    canUnmute: d.canUnmute === 1,
    lockSharing: d.lockSharing === 1,
    captions: typeof d.realTimeSubtitle === 'number' && d.realTimeSubtitle !== 0,
    captionsSupported: typeof b.realTimeSubtitle === 'number' && b.realTimeSubtitle !== 0,
    chatForbidden: d.forbiddenChat === 1,
    voiceActivated: d.vas === 1,
    waitingRoomEnabled: d.waitingRoomState === 1,
    waitingRoomSupported: b.supportWaitingRoom === true,
    webinar: b.webinar === true,
    paused: d.pause === true,
    mode: layout(d.mode),
    media: b.media === 1 ? 'voice' : b.media === 2 ? 'video' : 'unknown',
    confMode: b.confMode,
    owner: b.owner,
    ownerID: b.ownerID,
    multiPicture: d.multiPic,
    basic,
    dynamic,
  };
}

/**
 * What the meeting-state fold carries between messages.
 * @category State
 */
export interface MeetingInfoState {
  readonly basic: ConfBasicInfo | undefined;
  readonly dynamic: ConfDynamicInfo | undefined;
  readonly lastBasicVersion: number | undefined;
  readonly lastDynamicVersion: number | undefined;
  /** The merged view of `basic` and `dynamic`. */
  readonly meeting: MeetingState;
}

/**
 * The result of folding one basic or dynamic info push.
 * @category State
 */
export interface MeetingInfoUpdate extends MeetingInfoState {
  readonly warnings: readonly StateWarning[];
  /** `meeting` is a new object (`false` when the message was dropped). */
  readonly changed: boolean;
}

/**
 * Nothing received yet.
 * @category State
 */
export function initialMeetingInfoState(): MeetingInfoState {
  return {
    basic: undefined,
    dynamic: undefined,
    lastBasicVersion: undefined,
    lastDynamicVersion: undefined,
    meeting: mergeMeetingState(),
  };
}

/**
 * Folds one ConfBasicInfoNotify or ConfDynamicInfoNotify: a full message replaces that part, an
 * incremental one (§9.4: documented as possible) lays its fields over it. Version rules as in
 * {@link checkVersion}, per push type.
 * @category State
 */
export function applyMeetingInfo(
  state: MeetingInfoState,
  message: ConfBasicInfoNotify | ConfDynamicInfoNotify,
): MeetingInfoUpdate {
  const isBasic = message.action === 'ConfBasicInfoNotify';
  const verdict = checkVersion(message, isBasic ? state.lastBasicVersion : state.lastDynamicVersion);
  const warnings: StateWarning[] = verdict.warning === undefined ? [] : [verdict.warning];
  if (!verdict.apply) return { ...state, warnings, changed: false };
  const previous = isBasic ? state.basic : state.dynamic;
  const part =
    message.msgMode === 0 || previous === undefined ? message.data : { ...previous, ...message.data };
  const basic = isBasic ? (part as ConfBasicInfo) : state.basic;
  const dynamic = isBasic ? state.dynamic : (part as ConfDynamicInfo);
  return {
    basic,
    dynamic,
    lastBasicVersion: isBasic ? verdict.lastVersion : state.lastBasicVersion,
    lastDynamicVersion: isBasic ? state.lastDynamicVersion : verdict.lastVersion,
    meeting: mergeMeetingState(basic, dynamic),
    warnings,
    changed: true,
  };
}
