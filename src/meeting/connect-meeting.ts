/**
 * The entry point: one meeting's push as hot, shared, self-healing Observables.
 */
import { defer, EMPTY, Observable, of, ReplaySubject, Subject, type Subscriber } from 'rxjs';
import { isFatal, type MeetingError, toMeetingError } from '../errors.js';
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
import { redactSecrets } from '../protocol/redact.js';
import { REDACTED } from '../security/secret.js';
import { defaultWebSocketFactory } from '../transport/default-websocket.js';
import { retryWithBackoff } from '../transport/retry-with-backoff.js';
import type { CreateWebSocket } from '../transport/websocket-like.js';
import { attemptTokens$, type HeldControlToken } from './attempt-tokens.js';
import { createConnectionHold } from './connection-hold.js';
import type { Push } from './frame-handler.js';
import { createInterest, type Interest, subscribeLists$ } from './interest.js';
import type { Meeting } from './meeting.js';
import { type ConnectMeetingOptions, type ResolvedMeetingOptions, resolveMeetingOptions } from './options.js';
import { session$ } from './session.js';
import { createStateStreams, type MeetingStateStreams } from './state-streams.js';
import type { MeetingStatus } from './status.js';
import type { MeetingWarning } from './warnings.js';

/** The type the client always subscribes to when following subscribers: it tells when the meeting ends (§8). */
const ALWAYS_SUBSCRIBED = ['ConfDynamicInfoNotify'];
/** Streams that give a late subscriber the latest message. */
const REPLAYED: ReadonlySet<string> = new Set([
  'ConfBasicInfoNotify',
  'ConfDynamicInfoNotify',
  'SpeakerChangeNotify',
  'NetConditionNotify',
]);

/** Errors after which the held control token must not be reused. */
function invalidatesControlToken(error: MeetingError): boolean {
  return (
    error.code === 'REST_AUTH_FAILED' ||
    error.code === 'SUBSCRIBE_FAILED' ||
    (error.code === 'WS_CLOSED' && error.closeCode === 4003)
  );
}

/**
 * {@link redactSecrets} plus the host password itself, which has no recognisable shape of its own
 * (a foreign library's error text could quote it).
 */
function passwordRedactor(options: ResolvedMeetingOptions): (text: string) => string {
  const source = options.tokenSource;
  const password = source.kind === 'password' ? source.hostPassword.reveal() : '';
  return (text) => {
    const redacted = redactSecrets(text);
    return password.length >= 4 ? redacted.split(password).join(REDACTED) : redacted;
  };
}

/** The raw data streams: the member name, the push type it carries, and whether it is asked for. */
const RAW_STREAMS = [
  ['confBasicInfo$', 'ConfBasicInfoNotify', true],
  ['confDynamicInfo$', 'ConfDynamicInfoNotify', true],
  ['participants$', 'ParticipantsNotify', true],
  ['attendees$', 'AttendeesNotify', true],
  ['speakers$', 'SpeakerChangeNotify', true],
  ['netConditions$', 'NetConditionNotify', true],
  ['inviteResults$', 'InviteResultNotify', true],
  ['subtitles$', 'RealTimeSubtitleNotify', true],
  ['waitingList$', 'WaitingListNotify', true],
  ['interpreterGroups$', 'InterpreterGroupNotify', true],
  // Unknown pushes are not asked for: they arrive whatever the Subscribe set.
  ['unknown$', 'UnknownNotify', false],
] as const satisfies readonly (readonly [keyof Meeting, string, boolean])[];

const STATE_STREAMS = [
  'roster$',
  'joined$',
  'left$',
  'activeSpeakers$',
  'handsRaised$',
  'waitingRoom$',
  'attendeeList$',
  'meetingState$',
] as const satisfies readonly (keyof MeetingStateStreams)[];

/**
 * What {@link connectMeeting} returns. Every stream member is made when it is first read, not when
 * the meeting is created: a meeting that is watched through three streams holds three, not
 * twenty-one, and a process may watch thousands of meetings (docs/benchmarks.md). The members are
 * still own, enumerable properties (accessors shared by all meetings), so `Object.entries(meeting)`
 * lists them as it would a plain object's.
 */
class WatchedMeeting implements Meeting {
  declare readonly confBasicInfo$: Observable<ConfBasicInfoNotify>;
  declare readonly confDynamicInfo$: Observable<ConfDynamicInfoNotify>;
  declare readonly participants$: Observable<ParticipantsNotify>;
  declare readonly attendees$: Observable<AttendeesNotify>;
  declare readonly speakers$: Observable<SpeakerChangeNotify>;
  declare readonly netConditions$: Observable<NetConditionNotify>;
  declare readonly inviteResults$: Observable<InviteResultNotify>;
  declare readonly subtitles$: Observable<RealTimeSubtitleNotify>;
  declare readonly waitingList$: Observable<WaitingListNotify>;
  declare readonly interpreterGroups$: Observable<InterpreterGroupNotify>;
  declare readonly unknown$: Observable<UnknownNotify>;
  declare readonly roster$: MeetingStateStreams['roster$'];
  declare readonly joined$: MeetingStateStreams['joined$'];
  declare readonly left$: MeetingStateStreams['left$'];
  declare readonly activeSpeakers$: MeetingStateStreams['activeSpeakers$'];
  declare readonly handsRaised$: MeetingStateStreams['handsRaised$'];
  declare readonly waitingRoom$: MeetingStateStreams['waitingRoom$'];
  declare readonly attendeeList$: MeetingStateStreams['attendeeList$'];
  declare readonly meetingState$: MeetingStateStreams['meetingState$'];
  declare readonly status$: Observable<MeetingStatus>;
  declare readonly warnings$: Observable<MeetingWarning>;

  readonly conferenceId: string;
  readonly #options: ResolvedMeetingOptions;
  readonly #status = new ReplaySubject<MeetingStatus>(1);
  readonly #warnings = new Subject<MeetingWarning>();
  /** The control token kept between attempts. */
  readonly #held: HeldControlToken = { current: undefined };
  #epoch = 0;
  #terminated = false;
  #lastError: MeetingError | undefined;
  /** The raw streams made so far, by their index in {@link RAW_STREAMS}. */
  readonly #raw: (Observable<Push> | undefined)[] = [];
  #state: MeetingStateStreams | undefined;
  #statusView: Observable<MeetingStatus> | undefined;
  #warningsView: Observable<MeetingWarning> | undefined;
  /** Everything below exists once the first data stream is subscribed. */
  #hub: Hub | undefined;

  /** Shared by every meeting: the members, as accessors over the meeting's own lazily made streams. */
  static readonly #members: PropertyDescriptorMap = Object.fromEntries([
    ...RAW_STREAMS.map(([name, action, wanted], index): [string, PropertyDescriptor] => [
      name,
      {
        enumerable: true,
        get(this: WatchedMeeting) {
          let made = this.#raw[index];
          if (made === undefined) {
            made = this.#stream(action, wanted);
            this.#raw[index] = made;
          }
          return made;
        },
      },
    ]),
    ...STATE_STREAMS.map((name): [string, PropertyDescriptor] => [
      name,
      {
        enumerable: true,
        get(this: WatchedMeeting) {
          this.#state ??= createStateStreams({
            participants$: this.participants$,
            waitingList$: this.waitingList$,
            attendees$: this.attendees$,
            speakers$: this.speakers$,
            confBasicInfo$: this.confBasicInfo$,
            confDynamicInfo$: this.confDynamicInfo$,
            requestFull: (action) => this.#hub?.resyncRequests.next(action),
            warn: (warning) => this.#warn(warning),
            graceMs: this.#options.idleGraceMs,
            scheduler: this.#options.scheduler,
          });
          return this.#state[name];
        },
      },
    ]),
    [
      'status$',
      {
        enumerable: true,
        get(this: WatchedMeeting) {
          this.#statusView ??= this.#status.asObservable();
          return this.#statusView;
        },
      },
    ],
    [
      'warnings$',
      {
        enumerable: true,
        get(this: WatchedMeeting) {
          this.#warningsView ??= this.#warnings.asObservable();
          return this.#warningsView;
        },
      },
    ],
  ]);

  constructor(options: ResolvedMeetingOptions) {
    this.conferenceId = options.conferenceId;
    this.#options = options;
    Object.defineProperties(this, WatchedMeeting.#members);
    this.#setStatus({ phase: 'idle' });
  }

  close(): void {
    if (this.#terminated) return;
    this.#terminate('closed', this.#lastError);
    this.#hub?.stop();
  }

  #setStatus(next: MeetingStatus): void {
    if (!this.#terminated) this.#status.next(next);
  }

  #warn(warning: MeetingWarning): void {
    if (!this.#terminated) this.#warnings.next(warning);
  }

  #terminate(phase: 'ended' | 'closed', error?: MeetingError): void {
    if (this.#terminated) return;
    this.#status.next({ phase, ...(error === undefined ? {} : { lastError: error }) });
    this.#terminated = true;
    this.#epoch += 1;
    this.#status.complete();
    this.#warnings.complete();
  }

  /**
   * One data stream: the latest message first if the type is replayed, then every push of
   * `action`. While subscribed it holds the connection and, when `wanted`, counts towards the
   * Subscribe set. Completes when the meeting ends or is closed.
   */
  #stream(action: string, wanted: boolean): Observable<Push> {
    return new Observable<Push>((subscriber) => {
      const hub = this.#useHub();
      if (wanted) hub.interest.add(action);
      const cached = hub.latest.get(action);
      if (cached !== undefined) {
        subscriber.next(cached);
        // Satisfied by the replay alone (e.g. `take(1)`): no connection is needed.
        if (subscriber.closed) return () => wanted && hub.interest.remove(action);
      }
      const { listeners } = hub;
      listeners.set(action, [...(listeners.get(action) ?? []), subscriber]);
      const release = hub.hold();
      return () => {
        release();
        if (wanted) hub.interest.remove(action);
        const rest = (listeners.get(action) ?? []).filter((listener) => listener !== subscriber);
        if (rest.length > 0) listeners.set(action, rest);
        else listeners.delete(action);
      };
    });
  }

  #useHub(): Hub {
    this.#hub ??= this.#makeHub();
    return this.#hub;
  }

  #makeHub(): Hub {
    const options = this.#options;
    const { scheduler } = options;
    const redact = passwordRedactor(options);
    const interest = createInterest();
    /** Push types a state stream needs a fresh full message of; served by the live session, if any. */
    const resyncRequests = new Subject<string>();
    const latest = new Map<string, Push>();
    /**
     * The subscribers of each push type: a push costs one Map lookup and reaches only the
     * subscribers of its type, however many streams are open (rather than one filter per stream).
     * Each list is replaced, never changed, so a delivery under way goes on over the list it began
     * with, whoever subscribes or unsubscribes meanwhile (as a Subject does; a Subject per type
     * would cost each stream a few hundred bytes more, in every watched meeting).
     */
    const listeners = new Map<string, readonly Subscriber<Push>[]>();
    const dispatch = (push: Push) => {
      if (REPLAYED.has(push.action)) latest.set(push.action, push);
      const list = listeners.get(push.action);
      if (list !== undefined) for (const listener of list) listener.next(push);
    };
    /** A user's WebSocket constructor, as a factory (the default one is looked up per attempt). */
    const Ctor = options.WebSocket;
    const injected: CreateWebSocket | undefined = Ctor === undefined ? undefined : (url) => new Ctor(url);
    const subscribeTypes$ =
      options.notifyTypes !== undefined
        ? of(options.notifyTypes)
        : // Subscribers that arrive together produce one Subscribe frame, not one each.
          subscribeLists$(interest.types$, ALWAYS_SUBSCRIBED, scheduler);

    /**
     * The meeting's one connection (cold): the session delivers pushes through `dispatch`; it
     * emits nothing itself and ends when the meeting ends or the client gives up.
     */
    const connection$: Observable<never> = defer(() =>
      this.#terminated
        ? EMPTY
        : session$({
            options,
            tokens: () => attemptTokens$(options, this.#held),
            held: this.#held,
            socketFactory: () => injected ?? defaultWebSocketFactory(options.maxFrameBytes),
            subscribeTypes$,
            resync: resyncRequests,
            beginEpoch: () => ++this.#epoch,
            isCurrent: (candidate) => candidate === this.#epoch && !this.#terminated,
            report: (phase) => {
              if (phase === 'live') this.#lastError = undefined;
              this.#setStatus({
                phase,
                ...(this.#lastError === undefined ? {} : { lastError: this.#lastError }),
              });
            },
            warn: (warning) => this.#warn(warning),
            deliver: dispatch,
          }),
    ).pipe(
      retryWithBackoff({
        ...options.reconnect,
        isFatal,
        scheduler,
        random: options.random,
        onRetry: ({ attempt, delayMs, error }) => {
          const failure = toMeetingError(error, redact);
          this.#lastError = failure;
          if (invalidatesControlToken(failure)) this.#held.current = undefined;
          this.#epoch += 1; // fence the failed socket
          this.#setStatus({ phase: 'reconnecting', attempt, delayMs, lastError: failure });
        },
      }),
    );
    /** Released (after the grace period), ended or given up: nothing of this connection is current. */
    const connectionEnded = () => {
      latest.clear();
      this.#epoch += 1;
      if (!this.#terminated) {
        this.#lastError = undefined;
        this.#setStatus({ phase: 'idle' });
      }
    };

    /** The meeting ended or was closed: every stream completes. */
    const endStreams = () => {
      sharing.ended();
      const ending = [...listeners.values()];
      listeners.clear();
      for (const list of ending) for (const listener of list) listener.complete();
    };
    const sharing = createConnectionHold(
      () => {
        const running = connection$.subscribe({
          error: (error: unknown) => {
            const failure = toMeetingError(error, redact);
            const ended = failure.code === 'MEETING_ENDED' || failure.code === 'MEETING_NOT_FOUND';
            this.#terminate(ended ? 'ended' : 'closed', failure);
            endStreams();
          },
          complete: endStreams,
        });
        // After the handlers above, as `finalize` would run, but without its subscriber.
        running.add(connectionEnded);
        return running;
      },
      options.idleGraceMs,
      scheduler,
    );
    const stop = () => {
      sharing.stop();
      endStreams();
    };
    return { interest, resyncRequests, latest, listeners, hold: sharing.hold, stop };
  }
}

/** What a meeting holds once a data stream has been subscribed. */
interface Hub {
  readonly interest: Interest;
  readonly resyncRequests: Subject<string>;
  /** The latest push of each replayed type, while connected. */
  readonly latest: Map<string, Push>;
  /** The subscribers of each push type's stream. */
  readonly listeners: Map<string, readonly Subscriber<Push>[]>;
  /** Holds the connection for one data subscriber (see `connection-hold.ts`); the function returned releases it. */
  readonly hold: () => () => void;
  /** Closes the connection now and completes every stream (`close()`). */
  readonly stop: () => void;
}

/**
 * Watches one running meeting: returns a {@link Meeting} whose Observables deliver its decoded
 * pushes. Nothing happens until something subscribes to a data stream; then the client fetches
 * the tokens, opens the one WebSocket, subscribes, sends heartbeats, and reconnects with backoff
 * whenever the link fails, until the meeting ends or {@link Meeting.close} is called.
 *
 * @example
 * ```ts
 * const meeting = connectMeeting({ conferenceId: '913570246', hostPassword: new Secret(pw) });
 * meeting.status$.subscribe((s) => console.log('status', s.phase));
 * meeting.participants$.subscribe((msg) => console.log(msg.msgMode === 0 ? 'roster' : 'change', msg.data));
 * meeting.roster$.subscribe((roster) => console.log(`${roster.size} online`));
 * meeting.joined$.subscribe((p) => console.log(`${p.name} joined`));
 * ```
 * @category Meeting
 */
export function connectMeeting(options: ConnectMeetingOptions): Meeting {
  return new WatchedMeeting(resolveMeetingOptions(options));
}
