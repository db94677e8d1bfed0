/**
 * `huawei-meeting-rx/operators`: the building blocks `connectMeeting` is made of, for users
 * who compose their own client: the token and socket streams, the heartbeat, liveness and
 * backoff operators, and the state folds as RxJS operators over the decoded pushes.
 * @packageDocumentation
 */

// Tokens (PROTOCOL.md §2, §3)
export {
  CONTROL_TOKEN_PATH,
  type ControlTokenOptions,
  controlToken,
  DEFAULT_REFRESH_RATIO,
  fetchControlToken,
  MIN_REFRESH_DELAY_MS,
  refreshDelayMs,
  SKEWED_REFRESH_DELAY_MS,
} from '../auth/control-token.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_REST_TIMEOUT_MS,
  type RestOptions,
} from '../auth/rest-options.js';
export { WEBSOCKET_TOKEN_PATH, type WebSocketTokenOptions, webSocketToken } from '../auth/websocket-token.js';
// State folds (§6.0, §6.3–§6.7, §6.11)
export type { AttendeeEvent, AttendeesState, AttendeesUpdate } from '../state/attendees.js';
export type { MeetingInfoState, MeetingInfoUpdate } from '../state/meeting-state.js';
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
} from '../state/operators.js';
export type { ListEvent } from '../state/pinfo-list-fold.js';
export type { RosterEvent, RosterState, RosterUpdate } from '../state/roster.js';
export type { WaitingRoomEvent, WaitingRoomState, WaitingRoomUpdate } from '../state/waiting-room.js';
// Reconnection
export { type BackoffPolicy, backoffDelay } from '../transport/backoff-delay.js';
// The socket, its heartbeat and its liveness (§4, §5.2, §7)
export {
  type ConnectionEvent,
  type ConnectionOptions,
  connection,
  DEFAULT_MAX_FRAME_BYTES,
} from '../transport/connection.js';
export {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  heartbeat,
  MAX_HEARTBEAT_INTERVAL_MS,
  type OutgoingHeartBeat,
} from '../transport/heartbeat.js';
export { type LivenessOptions, liveness } from '../transport/liveness.js';
export {
  type RetryInfo,
  type RetryWithBackoffOptions,
  resolveBackoffSchedule,
  retryWithBackoff,
} from '../transport/retry-with-backoff.js';
