/**
 * One connection attempt, top-down (PROTOCOL.md §1): tokens → socket → decode → liveness →
 * judged frames → gap healing, with the outgoing frames (Subscribe, heartbeat) merged into the open
 * socket and the token renewals running beside it. The meeting retries it; see `connect-meeting.ts`.
 */
import {
  concat,
  defer,
  from,
  map,
  merge,
  type Observable,
  of,
  Subject,
  switchMap,
  throwError,
  timeout,
} from 'rxjs';
import type { MeetingError } from '../errors.js';
import { encodeSubscribe, makeSequence } from '../protocol/client-frames.js';
import type { ServerFrame } from '../protocol/messages.js';
import type { SecretRedactor } from '../protocol/redact.js';
import { connection } from '../transport/connection.js';
import { heartbeat } from '../transport/heartbeat.js';
import { liveness } from '../transport/liveness.js';
import type { CreateWebSocket } from '../transport/websocket-like.js';
import { decodeFrames } from './decode-frames.js';
import { firstThen } from './first-then.js';
import { healGaps } from './heal-gaps.js';
import { judgeFrames } from './judge-frames.js';
import { type LinkEvent, PHASE } from './link-events.js';
import type { ResolvedMeetingOptions } from './options.js';
import { sendWhileOpen } from './send-while-open.js';
import { subscribeDeadline } from './subscribe-deadline.js';
import { emptyTokensError, type MeetingTokens, type SocketTokens, socketUrlFor } from './tokens.js';

/** What an attempt needs from its meeting. */
export interface AttemptContext {
  readonly options: ResolvedMeetingOptions;
  readonly tokens: MeetingTokens;
  /**
   * The WebSocket factory: at hand, or a promise of it while `ws` is still being imported (the
   * import happens only when needed).
   */
  readonly socketFactory: () => CreateWebSocket | Promise<CreateWebSocket>;
  /** The push types to subscribe to: emits at once, then whenever the list changes. */
  readonly subscribeLists$: Observable<readonly string[]>;
  /** Push types a state stream needs a fresh full message of (it started while a socket was live). */
  readonly fullRequests$: Observable<string>;
  /** The meeting's redactor: pushes that mention one of its secrets are redacted before delivery. */
  readonly redactor?: Pick<SecretRedactor, 'mentions' | 'redactLeaf'>;
}

/**
 * One attempt as a cold Observable of its {@link LinkEvent}s: `connecting`, then (tokens in hand)
 * `opening`, `subscribing` and `live`, and every accepted push and warning of the socket. Fails
 * with a {@link MeetingError} when the link does; never completes. Unsubscribing closes the socket
 * and stops everything beside it.
 */
export function attempt(context: AttemptContext): Observable<LinkEvent> {
  return concat(
    of(PHASE.connecting),
    context.tokens.forSocket$.pipe(firstThen((tokens) => socketLink(context, tokens), emptyTokensError)),
  );
}

/** The socket opened with `tokens`, and everything that runs while it lives. */
function socketLink(context: AttemptContext, tokens: SocketTokens): Observable<LinkEvent> {
  const { options } = context;
  const { scheduler, conferenceId } = options;
  const url = socketUrlFor(tokens, conferenceId, options.allowInsecureWebSocket);
  if (typeof url !== 'string') return throwError(() => url);
  /** The `sequence` of each HeartBeat sent on this socket: each awaits its echo (§7). */
  const beats = new Subject<string>();
  /** The list of the last Subscribe sent on this socket. */
  let subscribed: readonly string[] | undefined;
  const subscribeFrame = (subscribeTypes: readonly string[]) => {
    subscribed = subscribeTypes;
    const sequence = makeSequence(scheduler.now());
    // §2.4: the renewed control token once there is one, else the socket's own.
    const confToken = context.tokens.held$.value?.token ?? tokens.confToken;
    return encodeSubscribe({ sequence, conferenceId, subscribeTypes, confToken });
  };
  /** Asks again for the current list: the heal's second Subscribe (§9.6). */
  const resubscribe$ = new Subject<readonly string[]>();

  /** What the client sends once the socket is open: Subscribe frames and HeartBeats (§5). */
  const outgoing$ = merge(
    merge(context.subscribeLists$, resubscribe$).pipe(map(subscribeFrame)),
    heartbeat(options.heartbeatIntervalMs, scheduler).pipe(
      map((beat) => {
        beats.next(beat.sequence);
        return beat.frame;
      }),
    ),
    // Renewals send nothing; they run beside the socket and fail it when a renewal fails.
    context.tokens.renewals$,
  );

  return concat(
    of(PHASE.opening),
    openSocket(context, url).pipe(
      timeout({
        first: options.handshakeTimeoutMs,
        with: () => throwError(() => handshakeTimeout(options.handshakeTimeoutMs)),
        scheduler,
      }),
      sendWhileOpen(outgoing$, PHASE.subscribing),
      decodeFrames(options.maxFrameBytes, context.redactor),
      // Any frame is a sign of life, even one that cannot be decoded; §6.2: an echo carries the
      // HeartBeat's sequence.
      liveness({
        sent$: beats,
        echoOf: echoedSequence,
        silenceMs: 2 * options.heartbeatIntervalMs,
        echoTimeoutMs: options.livenessTimeoutMs,
        scheduler,
      }),
      subscribeDeadline({ scheduler }),
      judgeFrames(conferenceId),
      healGaps({
        requests$: context.fullRequests$,
        resubscribe: (action) => {
          if (subscribed === undefined || !subscribed.includes(action)) return false;
          resubscribe$.next(subscribed);
          return true;
        },
        onGaps: options.healGaps,
        timeoutMs: options.healTimeoutMs,
        scheduler,
      }),
    ),
  );
}

/** The HeartBeat sequence a frame echoes, if it is an echo (§6.2). */
function echoedSequence(frame: ServerFrame | LinkEvent): string | undefined {
  return 'action' in frame && frame.action === 'HeartBeat' ? frame.sequence : undefined;
}

/** The socket at `url`, from the factory at hand (every attempt but a process's first) or once `ws` has loaded. */
function openSocket(context: AttemptContext, url: string) {
  return defer(() => {
    const open = (createSocket: CreateWebSocket) =>
      connection({ url, createSocket, maxFrameBytes: context.options.maxFrameBytes });
    const factory = context.socketFactory();
    return typeof factory === 'function' ? open(factory) : from(factory).pipe(switchMap(open));
  });
}

/** §4: the WebSocket handshake did not complete in time. */
function handshakeTimeout(afterMs: number): MeetingError {
  return {
    code: 'TIMEOUT',
    operation: 'websocketOpen',
    afterMs,
    message: `WebSocket handshake not completed within ${afterMs} ms`,
  };
}
