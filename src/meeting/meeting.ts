/**
 * The object {@link connectMeeting} returns.
 */
import type { Observable } from 'rxjs';
import type {
  AttendeesNotify,
  ConfBasicInfoNotify,
  ConfDynamicInfoNotify,
  InterpreterGroupNotify,
  InviteResultNotify,
  NetConditionNotify,
  ParticipantsNotify,
  RealTimeSubtitleNotify,
  SpeakerChangeNotify,
  UnknownNotify,
  WaitingListNotify,
} from '../protocol/messages.js';
import type { MeetingStateStreams } from './state-streams.js';
import type { MeetingStatus } from './status.js';
import type { MeetingWarning } from './warnings.js';

/**
 * One meeting's push, as hot shared Observables of decoded messages (PROTOCOL.md §6).
 *
 * Subscribing to any data stream opens the one WebSocket of this meeting (however many
 * subscribers); it closes a short grace period after the last data subscriber leaves, or at
 * {@link Meeting.close}. State-like streams (`confBasicInfo$`, `confDynamicInfo$`, `speakers$`,
 * `netConditions$`) give a late subscriber the latest message at once; the others deliver only
 * what arrives after subscribing. Full messages (`msgMode` 0) replace what a consumer holds,
 * incremental ones (`msgMode` 1) apply on top. The state streams (`roster$`, `handsRaised$`,
 * `waitingRoom$`, …) do that folding once for all subscribers, and subscribe the push types they
 * need. Every stream completes when the meeting ends, the client gives up, or `close()` is called;
 * none ever errors.
 * @category Meeting
 */
export interface Meeting extends MeetingStateStreams {
  /** The conference this meeting object watches. */
  readonly conferenceId: string;
  /** §6.3 basic information (title, times, passwords as Secrets). Replays the latest. */
  readonly confBasicInfo$: Observable<ConfBasicInfoNotify>;
  /** §6.4 status (`state`, locks, recording, layout). Replays the latest. */
  readonly confDynamicInfo$: Observable<ConfDynamicInfoNotify>;
  /** §6.5 online participants, full and incremental. */
  readonly participants$: Observable<ParticipantsNotify>;
  /** §6.6 participants invited at scheduling. */
  readonly attendees$: Observable<AttendeesNotify>;
  /** §6.7 who is speaking, loudest first (empty: nobody). Replays the latest. */
  readonly speakers$: Observable<SpeakerChangeNotify>;
  /** §6.8 media quality per participant. Replays the latest. */
  readonly netConditions$: Observable<NetConditionNotify>;
  /** §6.9 invitation results and leave reasons. */
  readonly inviteResults$: Observable<InviteResultNotify>;
  /** §6.10 live captions. */
  readonly subtitles$: Observable<RealTimeSubtitleNotify>;
  /** §6.11 waiting room. */
  readonly waitingList$: Observable<WaitingListNotify>;
  /** §6.12 simultaneous-interpretation groups. */
  readonly interpreterGroups$: Observable<InterpreterGroupNotify>;
  /** §6.13 pushes of undocumented types, as received. Subscribing opens the socket too. */
  readonly unknown$: Observable<UnknownNotify>;
  /**
   * The connection's lifecycle; replays the current status. Does not open the socket by itself.
   */
  readonly status$: Observable<MeetingStatus>;
  /** Decode failures, version problems, refused subscriptions: values, never errors. Does not open the socket. */
  readonly warnings$: Observable<MeetingWarning>;
  /** Closes the socket at once, stops every timer and completes every stream. Idempotent. */
  close(): void;
}
