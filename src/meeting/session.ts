/**
 * One connection attempt: tokens → socket → Subscribe → heartbeat, liveness and pushes
 * (PROTOCOL.md §1). Fails with a {@link MeetingError} when anything breaks; the caller retries.
 */
import {
  connect,
  defer,
  EMPTY,
  filter,
  from,
  map,
  merge,
  mergeMap,
  Observable,
  type OperatorFunction,
  Subject,
  switchMap,
  take,
  throwError,
  timeout,
} from 'rxjs';
import { encodeSubscribe, makeSequence } from '../protocol/client-frames.js';
import { decodeServerFrame } from '../protocol/decode-server-frame.js';
import type { ServerFrame } from '../protocol/messages.js';
import type { Secret } from '../security/secret.js';
import type { VersionWarning } from '../state/version-check.js';
import { type ConnectionEvent, connection$ } from '../transport/connection.js';
import { heartbeat } from '../transport/heartbeat.js';
import { liveness } from '../transport/liveness.js';
import type { CreateWebSocket } from '../transport/websocket-like.js';
import { type AttemptTokens, webSocketUrl } from './attempt-tokens.js';
import type { MeetingError } from './errors.js';
import { handleFrames, type Push } from './frame-handler.js';
import { healGaps$, LIST_ACTIONS } from './gap-healer.js';
import type { ResolvedMeetingOptions } from './options.js';
import type { MeetingWarning } from './warnings.js';

/** What a session needs from the meeting around it. */
export interface SessionContext {
  readonly options: ResolvedMeetingOptions;
  /** Tokens for a new attempt (fresh per subscription). */
  readonly tokens$: Observable<AttemptTokens>;
  /**
   * The WebSocket factory: at hand, or a promise of it while `ws` is still being imported (the
   * import happens only when needed).
   */
  readonly socketFactory: () => CreateWebSocket | Promise<CreateWebSocket>;
  /** The list to subscribe to: emits at once, then whenever it changes. */
  readonly subscribeTypes$: Observable<readonly string[]>;
  /**
   * Push types that need a fresh full message now: a state stream started while this socket was
   * live (the meeting asks), or a gap was seen (the session asks, through the same Subject). Served
   * by Subscribing again, and reconnecting if nothing comes.
   */
  readonly resync: Subject<string>;
  /** Starts a new socket epoch; older epochs are superseded. */
  readonly beginEpoch: () => number;
  readonly isCurrent: (epoch: number) => boolean;
  readonly report: (phase: 'connecting' | 'opening' | 'subscribing' | 'live') => void;
  readonly warn: (warning: MeetingWarning) => void;
  /** Hands a push of the current socket to the meeting's streams. */
  readonly deliver: (push: Push) => void;
}

/**
 * Whether a version warning means a list may now be wrong (§6.0): a gap, or a stale message. A
 * stale message is dropped, and if it was reordered rather than repeated its change is lost; this
 * goes unseen as a gap when it was the first incremental after a full message (whose successor is
 * accepted whatever its number). An exact duplicate loses nothing.
 */
function signalsLoss(warning: MeetingWarning): warning is VersionWarning {
  return warning.code === 'VERSION_GAP' || warning.code === 'STALE_VERSION';
}

/** §6.2: a HeartBeat echo carries the request's sequence. Undecodable frames (`undefined`) echo nothing. */
const echoOf = (frame: ServerFrame | undefined) =>
  frame !== undefined && frame.action === 'HeartBeat' ? frame.sequence : undefined;

/**
 * Decodes each received frame in one synchronous step: the frame, or `undefined` (after a
 * `DECODE_FAILED` warning) when it cannot be decoded or is too large. Undecodable frames stay in
 * the stream as `undefined` because they still count as signs of life for {@link liveness}. The
 * `open` event is not a frame and is dropped.
 */
function decodeFrames(
  warn: (warning: MeetingWarning) => void,
  maxFrameBytes: number,
): OperatorFunction<ConnectionEvent, ServerFrame | undefined> {
  return (events$) =>
    new Observable<ServerFrame | undefined>((subscriber) =>
      events$.subscribe({
        next: (event) => {
          if (event.type === 'message') {
            const decoded = decodeServerFrame(event.text);
            if (decoded._tag === 'Right') {
              subscriber.next(decoded.right);
              return;
            }
            warn({ code: 'DECODE_FAILED', error: decoded.left, message: decoded.left.message });
            subscriber.next(undefined);
          } else if (event.type === 'oversized') {
            const message = `frame of ${event.bytes} bytes exceeds maxFrameBytes ${maxFrameBytes}`;
            warn({ code: 'DECODE_FAILED', error: { code: 'FRAME_TOO_LARGE', path: '', message }, message });
            subscriber.next(undefined);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    );
}

/**
 * One attempt, as a cold Observable of the link's life: it emits nothing, delivers pushes through
 * `context.deliver`, and fails when the link does (the caller retries). Every status report,
 * warning and push of a superseded epoch is dropped (stale-socket fencing).
 */
export function session$(context: SessionContext): Observable<never> {
  return defer(() => {
    const epoch = context.beginEpoch();
    const current = () => context.isCurrent(epoch);
    const report: SessionContext['report'] = (phase) => current() && context.report(phase);
    const warn: SessionContext['warn'] = (warning) => current() && context.warn(warning);
    report('connecting');
    /** The control token for Subscribe frames: the first attempt's, then each renewal's (§2.4). */
    let confToken: Secret | undefined;
    return context.tokens$.pipe(
      // The first tokens open the socket; later ones only renew the control token, which the next
      // Subscribe carries. One mergeMap does both, so a renewal never touches the socket.
      mergeMap((tokens, index) => {
        confToken = tokens.confToken;
        return index === 0 ? socket$(tokens) : EMPTY;
      }),
    );

    function socket$(first: AttemptTokens): Observable<never> {
      if (first.webSocketToken === undefined) {
        const failure: MeetingError = {
          code: 'UNEXPECTED',
          message: 'no WebSocket token for a new socket',
        };
        return throwError(() => failure);
      }
      report('opening');
      const url = webSocketUrl(first.wsURL, context.options.conferenceId, first.webSocketToken);
      const open = (createSocket: CreateWebSocket) =>
        connection$({ url, createSocket, maxFrameBytes: context.options.maxFrameBytes });
      const factory = context.socketFactory();
      // Once the factory is at hand (every attempt but a process's first), no operator waits for it.
      const events$ = typeof factory === 'function' ? open(factory) : from(factory).pipe(switchMap(open));
      return events$.pipe(
        connect((shared$) => opened$(shared$).pipe(switchMap((send) => live$(send, shared$)))),
      );
    }

    function live$(send: (text: string) => void, events$: Observable<ConnectionEvent>): Observable<never> {
      const { options } = context;
      report('subscribing');
      let isLive = false;
      const goLive = () => {
        if (isLive) return;
        isLive = true;
        report('live');
      };
      /** The list of the last Subscribe sent on this socket. */
      let subscribed: readonly string[] | undefined;
      const sendSubscribe = (subscribeTypes: readonly string[]) => {
        if (confToken === undefined) return;
        subscribed = subscribeTypes;
        const sequence = makeSequence(options.scheduler.now());
        send(encodeSubscribe({ sequence, conferenceId: options.conferenceId, subscribeTypes, confToken }));
      };
      // Sends a Subscribe for each list and emits nothing (a plain subscriber rather than
      // `tap` + `ignoreElements`: this lives as long as the socket, in every watched meeting).
      const subscribes$ = new Observable<never>((subscriber) =>
        context.subscribeTypes$.subscribe({
          next: sendSubscribe,
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      );
      const warnAndNoteGaps: SessionContext['warn'] = (warning) => {
        warn(warning);
        if (options.healGaps && signalsLoss(warning) && LIST_ACTIONS.has(warning.action)) {
          context.resync.next(warning.action);
        }
      };
      // The healer watches full messages only while a heal is under way; fed by the frame
      // handler rather than by sharing the push stream, which would cost every socket a share.
      const fulls = new Subject<Push>();
      // The heartbeat stream sends each HeartBeat as it is emitted; liveness subscribes it
      // (one subscription per socket) and expects an echo for each sequence (§7).
      const sent$ = heartbeat(options.heartbeatIntervalMs, options.scheduler).pipe(
        map((beat) => {
          send(beat.frame);
          return beat.sequence;
        }),
      );
      const pushes$ = events$.pipe(
        decodeFrames(warn, options.maxFrameBytes),
        liveness({
          sent$,
          echoOf,
          silenceMs: 2 * options.heartbeatIntervalMs,
          echoTimeoutMs: options.livenessTimeoutMs,
          scheduler: options.scheduler,
        }),
        handleFrames({
          conferenceId: options.conferenceId,
          warn: warnAndNoteGaps,
          live: goLive,
          deliver: context.deliver,
          full: (push) => fulls.observed && fulls.next(push),
          current,
        }),
      );
      const healing$ = healGaps$({
        requests$: context.resync,
        pushes$: fulls,
        resubscribe: (action) => {
          if (subscribed === undefined || !subscribed.includes(action)) return false;
          sendSubscribe(subscribed);
          return true;
        },
        timeoutMs: options.healTimeoutMs,
        scheduler: options.scheduler,
      });
      return merge(subscribes$, healing$, pushes$);
    }

    function opened$(events$: Observable<ConnectionEvent>): Observable<(text: string) => void> {
      const { handshakeTimeoutMs, scheduler } = context.options;
      return events$.pipe(
        filter((event) => event.type === 'open'),
        take(1),
        map((event) => event.send),
        timeout({
          first: handshakeTimeoutMs,
          scheduler,
          with: () => {
            const failure: MeetingError = {
              code: 'TIMEOUT',
              operation: 'websocketOpen',
              afterMs: handshakeTimeoutMs,
              message: `WebSocket handshake not completed within ${handshakeTimeoutMs} ms`,
            };
            return throwError(() => failure);
          },
        }),
      );
    }
  });
}
