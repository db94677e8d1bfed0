/**
 * The entry point: one meeting's push as hot, shared, self-healing Observables.
 */
import {
  catchError,
  defer,
  EMPTY,
  Observable,
  type OperatorFunction,
  of,
  ReplaySubject,
  Subject,
  share,
  takeUntil,
  timer,
} from 'rxjs';
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
import { isFatal, type MeetingError, toMeetingError } from './errors.js';
import type { Push } from './frame-handler.js';
import { createInterest, subscribeLists$ } from './interest.js';
import type { Meeting } from './meeting.js';
import { type ConnectMeetingOptions, type ResolvedMeetingOptions, resolveMeetingOptions } from './options.js';
import { session$ } from './session.js';
import { createStateStreams } from './state-streams.js';
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
 * Hands every push to `dispatch` and emits nothing; `finalize` runs once the source is released
 * (completed, failed or unsubscribed). What `tap({ next, finalize })` + `ignoreElements()` do, in
 * one subscriber, because the hub lives as long as the meeting is watched.
 */
function deliverEach(dispatch: (push: Push) => void, finalize: () => void): OperatorFunction<Push, never> {
  return (pushes$) =>
    new Observable<never>((subscriber) => {
      const source = pushes$.subscribe({
        next: dispatch,
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        source.unsubscribe();
        finalize();
      };
    });
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
  const resolved = resolveMeetingOptions(options);
  const { scheduler } = resolved;
  const redact = passwordRedactor(resolved);

  const status = new ReplaySubject<MeetingStatus>(1);
  const warnings = new Subject<MeetingWarning>();
  const closing = new Subject<void>();
  const interest = createInterest();
  /** Push types a state stream needs a fresh full message of; served by the live session, if any. */
  const resyncRequests = new Subject<string>();
  const latest = new Map<string, Push>();
  /**
   * One Subject per push type with subscribers: a push costs one Map lookup and reaches only the
   * subscribers of its type, however many streams are open (rather than one filter per stream).
   */
  const channels = new Map<string, Subject<Push>>();
  const dispatch = (push: Push) => {
    if (REPLAYED.has(push.action)) latest.set(push.action, push);
    channels.get(push.action)?.next(push);
  };
  const held: HeldControlToken = { current: undefined };
  let epoch = 0;
  let terminated = false;
  let lastError: MeetingError | undefined;
  /** The WebSocket factory, made at the first connection attempt (the `ws` import is deferred until then). */
  let socketFactory: Promise<CreateWebSocket> | undefined;
  const Ctor = resolved.WebSocket;

  const setStatus = (next: MeetingStatus) => {
    if (!terminated) status.next(next);
  };
  setStatus({ phase: 'idle' });

  const terminate = (phase: 'ended' | 'closed', error?: MeetingError) => {
    if (terminated) return;
    status.next({ phase, ...(error === undefined ? {} : { lastError: error }) });
    terminated = true;
    epoch += 1;
    status.complete();
    warnings.complete();
  };

  const subscribeTypes$ =
    resolved.notifyTypes !== undefined
      ? of(resolved.notifyTypes)
      : // Subscribers that arrive together produce one Subscribe frame, not one each.
        subscribeLists$(interest.types$, ALWAYS_SUBSCRIBED, scheduler);

  /**
   * The meeting's one connection, shared: it runs while any stream is subscribed (plus the grace
   * period) and delivers pushes through {@link dispatch}; it emits nothing itself and completes
   * when the meeting ends or is closed.
   */
  const hub$: Observable<never> = defer(() =>
    terminated
      ? EMPTY
      : session$({
          options: resolved,
          tokens$: attemptTokens$(resolved, held),
          socketFactory: () => {
            socketFactory ??=
              Ctor === undefined
                ? defaultWebSocketFactory(resolved.maxFrameBytes)
                : Promise.resolve((url: string) => new Ctor(url));
            return socketFactory;
          },
          subscribeTypes$,
          resync$: resyncRequests,
          beginEpoch: () => ++epoch,
          isCurrent: (candidate) => candidate === epoch && !terminated,
          report: (phase) => {
            if (phase === 'live') lastError = undefined;
            setStatus({ phase, ...(lastError === undefined ? {} : { lastError }) });
          },
          warn: (warning) => {
            if (!terminated) warnings.next(warning);
          },
        }),
  ).pipe(
    retryWithBackoff({
      ...resolved.reconnect,
      isFatal,
      scheduler,
      random: resolved.random,
      onRetry: ({ attempt, delayMs, error }) => {
        const failure = toMeetingError(error, redact);
        lastError = failure;
        if (invalidatesControlToken(failure)) held.current = undefined;
        epoch += 1; // fence the failed socket
        setStatus({ phase: 'reconnecting', attempt, delayMs, lastError: failure });
      },
    }),
    catchError((error: unknown) => {
      const failure = toMeetingError(error, redact);
      const ended = failure.code === 'MEETING_ENDED' || failure.code === 'MEETING_NOT_FOUND';
      terminate(ended ? 'ended' : 'closed', failure);
      return EMPTY;
    }),
    takeUntil(closing),
    deliverEach(dispatch, () => {
      latest.clear();
      epoch += 1;
      if (!terminated) {
        lastError = undefined;
        setStatus({ phase: 'idle' });
      }
    }),
    share({
      resetOnError: false,
      resetOnComplete: false,
      resetOnRefCountZero: () => timer(resolved.idleGraceMs, scheduler),
    }),
  );

  /**
   * One data stream: the latest message first if the type is replayed, then every push of
   * `action`. While subscribed it holds the connection (`hub$`) and, when `wanted`, counts towards
   * the Subscribe set. Completes when the meeting ends or is closed.
   */
  function stream<A extends Push>(action: string, wanted = true): Observable<A> {
    return new Observable<A>((subscriber) => {
      if (wanted) interest.add(action);
      let channel = channels.get(action);
      if (channel === undefined) {
        channel = new Subject<Push>();
        channels.set(action, channel);
      }
      const cached = latest.get(action) as A | undefined;
      if (cached !== undefined) {
        subscriber.next(cached);
        // Satisfied by the replay alone (e.g. `take(1)`): no connection is needed.
        if (subscriber.closed) return () => interest.remove(action);
      }
      // The subscriber is an Observer of A; the channel only ever carries pushes of `action`.
      (channel as unknown as Subject<A>).subscribe(subscriber);
      subscriber.add(
        hub$.subscribe({ error: (e) => subscriber.error(e), complete: () => subscriber.complete() }),
      );
      return () => {
        if (wanted) interest.remove(action);
        if (channel.observed) return;
        channels.delete(action);
      };
    });
  }

  const raw = {
    confBasicInfo$: stream<ConfBasicInfoNotify>('ConfBasicInfoNotify'),
    confDynamicInfo$: stream<ConfDynamicInfoNotify>('ConfDynamicInfoNotify'),
    participants$: stream<ParticipantsNotify>('ParticipantsNotify'),
    attendees$: stream<AttendeesNotify>('AttendeesNotify'),
    speakers$: stream<SpeakerChangeNotify>('SpeakerChangeNotify'),
    netConditions$: stream<NetConditionNotify>('NetConditionNotify'),
    inviteResults$: stream<InviteResultNotify>('InviteResultNotify'),
    subtitles$: stream<RealTimeSubtitleNotify>('RealTimeSubtitleNotify'),
    waitingList$: stream<WaitingListNotify>('WaitingListNotify'),
    interpreterGroups$: stream<InterpreterGroupNotify>('InterpreterGroupNotify'),
  };
  const state = createStateStreams({
    ...raw,
    requestFull: (action) => resyncRequests.next(action),
    warn: (warning) => {
      if (!terminated) warnings.next(warning);
    },
    graceMs: resolved.idleGraceMs,
    scheduler,
  });

  const meeting: Meeting = {
    conferenceId: resolved.conferenceId,
    ...raw,
    ...state,
    // Unknown pushes are not asked for: they arrive whatever the Subscribe set.
    unknown$: stream<UnknownNotify>('UnknownNotify', false),
    status$: status.asObservable(),
    warnings$: warnings.asObservable(),
    close() {
      if (terminated) return;
      terminate('closed', lastError);
      closing.next();
    },
  };
  return meeting;
}
