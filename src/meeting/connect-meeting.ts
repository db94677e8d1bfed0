/**
 * The entry point: one meeting's push as hot, shared, self-healing Observables.
 */
import {
  defer,
  EMPTY,
  ignoreElements,
  type Observable,
  of,
  ReplaySubject,
  Subject,
  share,
  takeUntil,
  tap,
  timer,
} from 'rxjs';
import { type MeetingError, toMeetingError } from '../errors.js';
import { createSecretRedactor, redactStrings, type SecretRedactor } from '../protocol/redact.js';
import { defaultWebSocketFactory } from '../transport/default-websocket.js';
import { retryWithBackoff } from '../transport/retry-with-backoff.js';
import type { CreateWebSocket } from '../transport/websocket-like.js';
import { type AttemptContext, attempt } from './attempt.js';
import { createChannels } from './channels.js';
import { failureRule } from './failure-rules.js';
import { holding } from './holding.js';
import { createInterest, subscribeListChanges } from './interest.js';
import { isPush, type LinkEvent, type LinkPhaseName, type Push } from './link-events.js';
import type { Meeting } from './meeting.js';
import {
  MeetingView,
  PUSH_STREAMS,
  type PushStreamName,
  type StreamMaker,
  type StreamName,
} from './meeting-view.js';
import { type ConnectMeetingOptions, type ResolvedMeetingOptions, resolveMeetingOptions } from './options.js';
import { createStateStreams, type MeetingStateStreams } from './state-streams.js';
import type { MeetingStatus } from './status.js';
import { meetingTokens } from './tokens.js';
import { warningThrottle } from './warning-throttle.js';
import type { MeetingWarning } from './warnings.js';

/** The type the client always subscribes to when following subscribers: it tells when the meeting ends (§8). */
const ALWAYS_SUBSCRIBED = ['ConfDynamicInfoNotify'];
/**
 * The types whose every message is the whole state (§6.3, §6.4, §6.7): their stream gives a late
 * subscriber the latest message. List types (§6.0: incremental messages) replay nothing.
 */
const REPLAYED: ReadonlySet<string> = new Set([
  'ConfBasicInfoNotify',
  'ConfDynamicInfoNotify',
  'SpeakerChangeNotify',
]);

/**
 * The meeting's one redactor (issue 14): every piece of server text that enters a `MeetingError`
 * or a warning passes through it. It masks the secret shapes of `redactSecrets`, the host password
 * (which has no shape of its own) and every token the meeting is issued or given (`tokens.ts`
 * remembers each one).
 */
function meetingRedactor(options: ResolvedMeetingOptions): SecretRedactor {
  const source = options.tokenSource;
  return createSecretRedactor(source.kind === 'password' ? [source.hostPassword] : []);
}

/**
 * Watches one running meeting: returns a {@link Meeting} whose Observables deliver its decoded
 * pushes. Nothing happens until something subscribes to a data stream; then the client fetches
 * the tokens, opens the one WebSocket, subscribes, sends heartbeats, and reconnects with backoff
 * whenever the link fails, until the meeting ends or {@link Meeting.close} is called.
 *
 * @example
 * ```ts
 * const meeting = connectMeeting({ conferenceId: '913570246', hostPassword: toSecret(pw) });
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
  const redactor = meetingRedactor(resolved);
  const redact = redactor.redact;

  // --- What the meeting tells: its status and its warnings -------------------------------------
  const status = new ReplaySubject<MeetingStatus>(1);
  const warnings = new Subject<MeetingWarning>();
  /** Set once the meeting has ended or was closed: nothing is told or started after. */
  let stopped = false;
  /** The most recent failure, kept until the next `live`. */
  let lastError: MeetingError | undefined;
  const report = (phase: 'idle' | LinkPhaseName) => {
    if (phase === 'live') lastError = undefined;
    if (!stopped) status.next(lastError === undefined ? { phase } : { phase, lastError });
  };
  /** Repeated warnings are throttled per code (issue 14); each is redacted on its way out. */
  const throttle = warningThrottle((warning) => warnings.next(warning), scheduler);
  const warn = (warning: MeetingWarning) => {
    if (!stopped) throttle.push(redactStrings(warning, redact));
  };
  report('idle');

  /** Everything of the connection, made at the first data subscription (an unwatched meeting holds none of it). */
  let hub: Hub | undefined;
  const stop = (phase: 'ended' | 'closed', error: MeetingError | undefined) => {
    if (stopped) return;
    status.next(error === undefined ? { phase } : { phase, lastError: error });
    stopped = true;
    throttle.stop();
    status.complete();
    warnings.complete();
    hub?.stop();
  };

  /** The hub: per-type channels, the Subscribe set, and the one shared connection. */
  const createHub = (): Hub => {
    const channels = createChannels(REPLAYED);
    const interest = createInterest();
    const fullRequests = new Subject<string>();
    /** Ends the connection at once, grace period or not (the meeting stopped). */
    const stopping = new Subject<void>();
    const route = (event: LinkEvent) => {
      if (isPush(event)) channels.dispatch(event);
      else if (event.kind === 'warning') warn(event.warning);
      else report(event.phase);
    };
    const tokens = meetingTokens(resolved, redactor.remember);
    const Ctor = resolved.WebSocket;
    const injected: CreateWebSocket | undefined = Ctor === undefined ? undefined : (url) => new Ctor(url);
    const context: AttemptContext = {
      options: resolved,
      tokens,
      socketFactory: () => injected ?? defaultWebSocketFactory(resolved.maxFrameBytes),
      subscribeLists$:
        resolved.notifyTypes !== undefined
          ? of(resolved.notifyTypes)
          : // Subscribers that arrive together produce one Subscribe frame, not one each.
            subscribeListChanges(interest.types$, ALWAYS_SUBSCRIBED, scheduler),
      fullRequests$: fullRequests,
      redactor,
    };
    const failureOf = (error: unknown) => redactStrings(toMeetingError(error, redact), redact);
    /**
     * Attempts, retried with backoff by the failure rules, until the meeting stops; shared by
     * every data stream, and kept `idleGraceMs` after the last one leaves. `share` assigns its
     * connection before subscribing the source, so a stream subscribed from inside a status
     * callback (the attempt reports `connecting` synchronously) joins this connection instead of
     * starting another.
     */
    const connection$: Observable<never> = defer(() => attempt(context)).pipe(
      retryWithBackoff({
        ...resolved.reconnect,
        isFatal: (error) => !failureRule(failureOf(error)).retry,
        scheduler,
        random: resolved.random,
        onRetry: ({ attempt: count, delayMs, error }) => {
          const failure = failureOf(error);
          lastError = failure;
          if (failureRule(failure).dropControlToken) tokens.drop();
          if (!stopped) status.next({ phase: 'reconnecting', attempt: count, delayMs, lastError: failure });
        },
      }),
      takeUntil(stopping),
      tap({
        next: route,
        error: (error: unknown) => {
          const failure = failureOf(error);
          stop(failureRule(failure).stopsAs, failure);
        },
        finalize: () => {
          // Released after the grace period, or stopped: what the link said may no longer hold.
          channels.forgetLatest();
          lastError = undefined;
          report('idle');
        },
      }),
      ignoreElements(),
      share({ resetOnRefCountZero: () => timer(resolved.idleGraceMs, scheduler) }),
    );
    return {
      stream: (action, wanted) =>
        channels.channel(action).pipe(holding(wanted ? interest.wanting(action, connection$) : connection$)),
      requestFull: (action) => fullRequests.next(action),
      stop: () => {
        stopping.next();
        channels.completeAll();
      },
    };
  };

  /**
   * One data stream: the pushes of `action` (the latest first, for a replayed type), holding the
   * connection while subscribed; when `wanted`, it counts towards the Subscribe set. After the
   * meeting stopped it completes at once.
   */
  const stream = (action: string, wanted: boolean): Observable<Push> =>
    defer(() => {
      if (stopped) return EMPTY;
      hub ??= createHub();
      return hub.stream(action, wanted);
    });

  let state: MeetingStateStreams | undefined;
  const made: { -readonly [K in StreamName]?: Meeting[K] } = {};
  const member: StreamMaker = (name) => {
    made[name] ??= (
      name in PUSH_STREAMS
        ? // Unknown pushes are not asked for: they arrive whatever the Subscribe set.
          stream(PUSH_STREAMS[name as PushStreamName], name !== 'unknown$')
        : stateStreams()[name as keyof MeetingStateStreams]
    ) as (typeof made)[typeof name];
    return made[name] as Meeting[typeof name];
  };
  /** The state streams, built together (they share the roster fold) when one is first read. */
  const stateStreams = (): MeetingStateStreams => {
    state ??= createStateStreams({
      participants$: member('participants$'),
      waitingList$: member('waitingList$'),
      attendees$: member('attendees$'),
      speakers$: member('speakers$'),
      confBasicInfo$: member('confBasicInfo$'),
      confDynamicInfo$: member('confDynamicInfo$'),
      requestFull: (action) => hub?.requestFull(action),
      warn,
      graceMs: resolved.idleGraceMs,
      scheduler,
    });
    return state;
  };

  return new MeetingView(resolved.conferenceId, member, status.asObservable(), warnings.asObservable(), () =>
    stop('closed', lastError),
  );
}

/** What a meeting holds once a data stream has been subscribed. */
interface Hub {
  /** The data stream of push type `action`; see `stream` in {@link connectMeeting}. */
  stream(action: string, wanted: boolean): Observable<Push>;
  /** A state fold started while a socket may be live: it needs a fresh full message of `action`. */
  requestFull(action: string): void;
  /** Ends the connection now and completes every stream. */
  stop(): void;
}
