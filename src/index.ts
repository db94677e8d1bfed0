/**
 * huawei-meeting-rx: Huawei Cloud Meeting's conference-control event push as RxJS Observables.
 *
 * The root holds what a user of {@link connectMeeting} handles: the function, its options, the
 * {@link Meeting} and the values its streams carry, the errors and warnings, and {@link Secret}.
 * The building blocks live in subpaths: `huawei-meeting-rx/operators` (token and socket streams,
 * heartbeat, liveness, backoff, the state folds), `huawei-meeting-rx/protocol` (decoders, encoders)
 * and `huawei-meeting-rx/simulator`.
 * @packageDocumentation
 */

export {
  isMeetingError,
  type MeetingError,
  type MeetingErrorCode,
  type RestAnswer,
  type RestCall,
} from './errors.js';
// The entry point
export { connectMeeting } from './meeting/connect-meeting.js';
export { type FailureRule, failureRule, isFatal } from './meeting/failure-rules.js';
// What the streams carry: the decoded pushes…
export type { Push } from './meeting/link-events.js';
export type { Meeting } from './meeting/meeting.js';
export type {
  ConnectMeetingOptions,
  ReconnectOptions,
  SuppliedTokens,
  TokenProvider,
} from './meeting/options.js';
export type { MeetingStateStreams } from './meeting/state-streams.js';
// Status, errors and warnings
export type { MeetingPhase, MeetingStatus } from './meeting/status.js';
export type { ItemWarning, MeetingWarning, MeetingWarningCode } from './meeting/warnings.js';
export type { FrameDecodeError, FrameDecodeErrorCode } from './protocol/decode-error.js';
export type * from './protocol/messages.js';
// Secrets
export { REDACTED, Secret, toSecret } from './security/secret.js';
// …and the folded state
export type { Attendee, Attendees } from './state/attendees.js';
export type { LayoutMode, MeetingLifecycle, MeetingState, RecordingType } from './state/meeting-state.js';
export type { Participant, ParticipantRole, ParticipantState, ViewType } from './state/participant.js';
export type { ClientType } from './state/pinfo-record.js';
export type { Roster } from './state/roster.js';
export type { ActiveSpeaker } from './state/speakers.js';
export type { VersionWarning } from './state/version-check.js';
export type { WaitingPerson, WaitingState } from './state/waiting-person.js';
export type { WaitingRoom } from './state/waiting-room.js';
export type { StateWarning, StateWarningCode } from './state/warnings.js';
export type { BodyStreamLike, FetchLike, ResponseLike } from './transport/fetch-like.js';
export type { BackoffSchedule } from './transport/retry-with-backoff.js';
export type { TlsOptions } from './transport/tls-options.js';
export type { CreateWebSocket, WebSocketConstructor, WebSocketLike } from './transport/websocket-like.js';
