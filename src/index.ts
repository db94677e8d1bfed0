/**
 * huawei-meeting-rx: Huawei Cloud Meeting's conference-control event push as RxJS Observables.
 * @packageDocumentation
 */

// Building blocks: tokens
export {
  CONTROL_TOKEN_PATH,
  type ControlTokenOptions,
  controlToken$,
  DEFAULT_REFRESH_RATIO,
  fetchControlToken$,
  refreshDelayMs,
} from './auth/control-token.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_REST_TIMEOUT_MS,
  type RestOptions,
} from './auth/rest-options.js';
export { WEBSOCKET_TOKEN_PATH, type WebSocketTokenOptions, webSocketToken$ } from './auth/websocket-token.js';
// Errors
export {
  CLOSE_CODE_CONFERENCE_ENDED,
  isMeetingError,
  type MeetingError,
  type MeetingErrorCode,
  type RestAnswer,
  type RestCall,
} from './errors.js';
// Meeting: the entry point
export { connectMeeting } from './meeting/connect-meeting.js';
export { type FailureRule, failureRule, isFatal } from './meeting/failure-rules.js';
export type { Push } from './meeting/link-events.js';
export type { Meeting } from './meeting/meeting.js';
export {
  type ConnectMeetingOptions,
  DEFAULT_HEAL_TIMEOUT_MS,
  type ReconnectOptions,
  type SuppliedTokens,
  type TokenProvider,
} from './meeting/options.js';
export type { MeetingStateStreams } from './meeting/state-streams.js';
export type { MeetingPhase, MeetingStatus } from './meeting/status.js';
export type { ItemWarning, MeetingWarning, MeetingWarningCode } from './meeting/warnings.js';
export {
  basicAuthorization,
  type ConfControlSubtitleInput,
  encodeConfControlSubtitle,
  encodeHeartBeat,
  encodeSubscribe,
  makeSequence,
  type SubscribeFrameInput,
  tokenFromAuthorization,
} from './protocol/client-frames.js';
export {
  type ClientFrame,
  type ConfControlData,
  type ConfControlRequest,
  decodeClientFrame,
  type HeartBeatRequest,
  type SubscribeData,
  type SubscribeRequest,
} from './protocol/decode-client-frame.js';
export type { FrameDecodeError, FrameDecodeErrorCode } from './protocol/decode-error.js';
export { decodeServerFrame, decodeServerMessage, formatDecodeError } from './protocol/decode-server-frame.js';
export type * from './protocol/messages.js';
// Protocol: notify types, decoding, encoding
export { DOCUMENTED_NOTIFY_TYPES, isNotifyType, type NotifyType } from './protocol/notify-types.js';
export { redactSecrets, SECRET_KEYS } from './protocol/redact.js';
export {
  decodeControlTokenResponse,
  decodeRestErrorBody,
  decodeWebSocketTokenResponse,
  type RestBodyError,
} from './protocol/rest.js';
// Security
export { REDACTED, Secret, toSecret } from './security/secret.js';
export {
  type Attendee,
  type AttendeeEvent,
  type Attendees,
  type AttendeesState,
  type AttendeesUpdate,
  applyAttendees,
  attendeeId,
  initialAttendeesState,
} from './state/attendees.js';
export { type HandsRaisedState, initialHandsRaised, updateHandsRaised } from './state/hands.js';
export {
  applyMeetingInfo,
  initialMeetingInfoState,
  type LayoutMode,
  type MeetingInfoState,
  type MeetingInfoUpdate,
  type MeetingLifecycle,
  type MeetingState,
  mergeMeetingState,
  type RecordingType,
} from './state/meeting-state.js';
export {
  activeSpeakers,
  foldAttendees,
  foldMeetingState,
  foldRoster,
  foldWaitingRoom,
  handsRaisedOrder,
  joinedParticipants,
  leftParticipants,
  rosterEvents,
  stateWarnings,
} from './state/operators.js';
export {
  createParticipant,
  type Participant,
  type ParticipantRole,
  type ParticipantState,
  type ViewType,
} from './state/participant.js';
export type { ListEvent } from './state/pinfo-list-fold.js';
export type { ClientType } from './state/pinfo-record.js';
// State: pure folds, their operators and types
export {
  applyParticipants,
  initialRosterState,
  type Roster,
  type RosterEvent,
  type RosterState,
  type RosterUpdate,
} from './state/roster.js';
export { type ActiveSpeaker, resolveSpeakers } from './state/speakers.js';
export {
  checkVersion,
  createVersionGuard,
  type VersionedMessage,
  type VersionVerdict,
  type VersionWarning,
} from './state/version-check.js';
export { createWaitingPerson, type WaitingPerson, type WaitingState } from './state/waiting-person.js';
export {
  applyWaitingList,
  initialWaitingRoomState,
  type WaitingRoom,
  type WaitingRoomEvent,
  type WaitingRoomState,
  type WaitingRoomUpdate,
} from './state/waiting-room.js';
export type { StateWarning, StateWarningCode } from './state/warnings.js';
export { type BackoffPolicy, backoffDelay } from './transport/backoff-delay.js';
// Building blocks: transport
export {
  type ConnectionEvent,
  type ConnectionOptions,
  connection$,
  DEFAULT_MAX_FRAME_BYTES,
} from './transport/connection.js';
export type { BodyStreamLike, FetchLike, ResponseLike } from './transport/fetch-like.js';
export {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  heartbeat,
  MAX_HEARTBEAT_INTERVAL_MS,
  type OutgoingHeartBeat,
} from './transport/heartbeat.js';
export {
  type LivenessOptions,
  type LivenessWatch,
  type LivenessWatchOptions,
  liveness,
  livenessWatch,
} from './transport/liveness.js';
export {
  type BackoffSchedule,
  type RetryInfo,
  type RetryWithBackoffOptions,
  retryWithBackoff,
} from './transport/retry-with-backoff.js';
export type { TlsOptions } from './transport/tls-options.js';
export type { CreateWebSocket, WebSocketConstructor, WebSocketLike } from './transport/websocket-like.js';
