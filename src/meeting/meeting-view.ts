/**
 * The object {@link connectMeeting} returns: the meeting's streams as members, each made when it
 * is first read.
 */
import type { Observable } from 'rxjs';
import type { Meeting } from './meeting.js';
import type { MeetingStateStreams } from './state-streams.js';
import type { MeetingStatus } from './status.js';
import type { MeetingWarning } from './warnings.js';

/** The push type each raw stream carries. */
export const PUSH_STREAMS = {
  confBasicInfo$: 'ConfBasicInfoNotify',
  confDynamicInfo$: 'ConfDynamicInfoNotify',
  participants$: 'ParticipantsNotify',
  attendees$: 'AttendeesNotify',
  speakers$: 'SpeakerChangeNotify',
  netConditions$: 'NetConditionNotify',
  inviteResults$: 'InviteResultNotify',
  subtitles$: 'RealTimeSubtitleNotify',
  waitingList$: 'WaitingListNotify',
  interpreterGroups$: 'InterpreterGroupNotify',
  unknown$: 'UnknownNotify',
} as const satisfies Partial<Record<keyof Meeting, string>>;

/** The name of a raw push stream of {@link Meeting}. */
export type PushStreamName = keyof typeof PUSH_STREAMS;
/** The name of any data stream of {@link Meeting}: a raw one or a state one. */
export type StreamName = PushStreamName | keyof MeetingStateStreams;

/** Makes (once) and returns the stream named `name`. */
export type StreamMaker = <K extends StreamName>(name: K) => Meeting[K];

/**
 * A {@link Meeting} over a {@link StreamMaker}. The getters live on the prototype, shared by every
 * meeting, and ask the maker: a meeting watched through three streams makes three, not nineteen,
 * and holds one closure for all of them (a process may watch thousands of meetings).
 */
export class MeetingView implements Meeting {
  readonly #stream: StreamMaker;
  constructor(
    readonly conferenceId: string,
    stream: StreamMaker,
    readonly status$: Observable<MeetingStatus>,
    readonly warnings$: Observable<MeetingWarning>,
    readonly close: () => void,
  ) {
    this.#stream = stream;
  }
  get confBasicInfo$() {
    return this.#stream('confBasicInfo$');
  }
  get confDynamicInfo$() {
    return this.#stream('confDynamicInfo$');
  }
  get participants$() {
    return this.#stream('participants$');
  }
  get attendees$() {
    return this.#stream('attendees$');
  }
  get speakers$() {
    return this.#stream('speakers$');
  }
  get netConditions$() {
    return this.#stream('netConditions$');
  }
  get inviteResults$() {
    return this.#stream('inviteResults$');
  }
  get subtitles$() {
    return this.#stream('subtitles$');
  }
  get waitingList$() {
    return this.#stream('waitingList$');
  }
  get interpreterGroups$() {
    return this.#stream('interpreterGroups$');
  }
  get unknown$() {
    return this.#stream('unknown$');
  }
  get roster$() {
    return this.#stream('roster$');
  }
  get joined$() {
    return this.#stream('joined$');
  }
  get left$() {
    return this.#stream('left$');
  }
  get activeSpeakers$() {
    return this.#stream('activeSpeakers$');
  }
  get handsRaised$() {
    return this.#stream('handsRaised$');
  }
  get waitingRoom$() {
    return this.#stream('waitingRoom$');
  }
  get attendeeList$() {
    return this.#stream('attendeeList$');
  }
  get meetingState$() {
    return this.#stream('meetingState$');
  }
}
