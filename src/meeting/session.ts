/**
 * One connection attempt: tokens → socket → Subscribe → heartbeat, liveness and pushes
 * (PROTOCOL.md §1). Fails with a {@link MeetingError} when anything breaks; the caller retries.
 */
import { defer, from, Observable, type OperatorFunction, Subject, type Subscriber, switchMap } from 'rxjs';
import { encodeSubscribe, makeSequence } from '../protocol/client-frames.js';
import { decodeServerFrame } from '../protocol/decode-server-frame.js';
import type { ServerFrame } from '../protocol/messages.js';
import type { Secret } from '../security/secret.js';
import type { VersionWarning } from '../state/version-check.js';
import { type ConnectionEvent, connection$ } from '../transport/connection.js';
import { heartbeat } from '../transport/heartbeat.js';
import { liveness } from '../transport/liveness.js';
import type { CreateWebSocket } from '../transport/websocket-like.js';
import {
  type AttemptTokens,
  type HeldControlToken,
  type SocketTokens,
  webSocketUrl,
} from './attempt-tokens.js';
import type { MeetingError } from './errors.js';
import { handleFrames, type Push } from './frame-handler.js';
import { healGaps$, LIST_ACTIONS } from './gap-healer.js';
import type { ResolvedMeetingOptions } from './options.js';
import type { MeetingWarning } from './warnings.js';

/** What a session needs from the meeting around it. */
export interface SessionContext {
  readonly options: ResolvedMeetingOptions;
  /** This attempt's tokens: those that open the socket, and the renewals while it is open. */
  readonly tokens: AttemptTokens;
  /** The meeting's held control token: each renewal is kept there for the next attempt. */
  readonly held: HeldControlToken;
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
 * `open` event is not a frame: it goes to `opened`, and on as `undefined` too.
 */
function decodeFrames(
  warn: (warning: MeetingWarning) => void,
  maxFrameBytes: number,
  opened: (send: (text: string) => void) => void,
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
          } else {
            opened(event.send);
            // The handshake is the link's first sign of life: liveness counts silence from here.
            subscriber.next(undefined);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    );
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

/**
 * One attempt, as a cold Observable of the link's life: it emits nothing, delivers pushes through
 * `context.deliver`, and fails when the link does (the caller retries). Every status report,
 * warning and push of a superseded epoch is dropped (stale-socket fencing).
 *
 * Shape: the attempt's tokens, then one socket. Its frames run through decode → {@link liveness}
 * → {@link handleFrames}; once it is open, the Subscribe sender, the {@link heartbeat}, the gap
 * healer and the control-token renewals run beside them, each as one subscription of the socket's
 * subscriber, so a failure of any of them fails the attempt. (They are added to the subscriber
 * rather than combined with `connect` + `switchMap` + `merge`: a process may watch thousands of
 * meetings, and each of those operators would be held per socket for its whole life.)
 */
export function session$(context: SessionContext): Observable<never> {
  return defer(() => {
    const epoch = context.beginEpoch();
    const current = () => context.isCurrent(epoch);
    const report: SessionContext['report'] = (phase) => current() && context.report(phase);
    const warn: SessionContext['warn'] = (warning) => current() && context.warn(warning);
    report('connecting');
    return context.tokens.first$.pipe(switchMap(socket$));

    function socket$(first: SocketTokens): Observable<never> {
      report('opening');
      const url = webSocketUrl(first.wsURL, context.options.conferenceId, first.webSocketToken);
      const open = (createSocket: CreateWebSocket) =>
        connection$({ url, createSocket, maxFrameBytes: context.options.maxFrameBytes });
      const factory = context.socketFactory();
      // Once the factory is at hand (every attempt but a process's first), no operator waits for it.
      const events$ = typeof factory === 'function' ? open(factory) : from(factory).pipe(switchMap(open));
      return new Observable<never>((subscriber) => live(subscriber, events$, first.confToken));
    }

    function live(
      subscriber: Subscriber<never>,
      events$: Observable<ConnectionEvent>,
      firstConfToken: Secret,
    ): void {
      const { options } = context;
      const { scheduler } = options;
      const fail = (error: unknown) => subscriber.error(error);
      /** The control token for Subscribe frames: the socket's, then each renewal's (§2.4). */
      let confToken = firstConfToken;
      /** The list of the last Subscribe sent on this socket. */
      let subscribed: readonly string[] | undefined;
      let isLive = false;
      const goLive = () => {
        if (isLive) return;
        isLive = true;
        report('live');
      };
      const warnAndNoteGaps: SessionContext['warn'] = (warning) => {
        warn(warning);
        if (options.healGaps && signalsLoss(warning) && LIST_ACTIONS.has(warning.action)) {
          context.resync.next(warning.action);
        }
      };
      // The healer watches full messages only while a heal is under way; fed by the frame
      // handler rather than by sharing the push stream, which would cost every socket a share.
      const fulls = new Subject<Push>();
      /** The sequence of each HeartBeat sent; liveness expects an echo of each (§7). */
      const sent = new Subject<string>();

      const handshake = scheduler.schedule(
        () => fail(handshakeTimeout(options.handshakeTimeoutMs)),
        options.handshakeTimeoutMs,
      );
      subscriber.add(handshake);

      const opened = (send: (text: string) => void) => {
        handshake.unsubscribe();
        subscriber.remove(handshake);
        report('subscribing');
        const sendSubscribe = (subscribeTypes: readonly string[]) => {
          subscribed = subscribeTypes;
          const sequence = makeSequence(scheduler.now());
          send(encodeSubscribe({ sequence, conferenceId: options.conferenceId, subscribeTypes, confToken }));
        };
        subscriber.add(context.subscribeTypes$.subscribe({ next: sendSubscribe, error: fail }));
        subscriber.add(
          heartbeat(options.heartbeatIntervalMs, scheduler).subscribe((beat) => {
            send(beat.frame);
            sent.next(beat.sequence);
          }),
        );
        subscriber.add(
          healGaps$({
            requests$: context.resync,
            pushes$: fulls,
            resubscribe: (action) => {
              if (subscribed === undefined || !subscribed.includes(action)) return false;
              sendSubscribe(subscribed);
              return true;
            },
            timeoutMs: options.healTimeoutMs,
            scheduler,
          }).subscribe({ error: fail }),
        );
      };

      subscriber.add(
        events$
          .pipe(
            decodeFrames(warn, options.maxFrameBytes, opened),
            liveness({
              sent$: sent,
              echoOf,
              silenceMs: 2 * options.heartbeatIntervalMs,
              echoTimeoutMs: options.livenessTimeoutMs,
              scheduler,
            }),
            handleFrames({
              conferenceId: options.conferenceId,
              warn: warnAndNoteGaps,
              live: goLive,
              deliver: context.deliver,
              full: (push) => fulls.observed && fulls.next(push),
              current,
            }),
          )
          .subscribe({ error: fail, complete: () => subscriber.complete() }),
      );
      const renewals$ = context.tokens.renewals$;
      if (renewals$ !== undefined && !subscriber.closed) {
        subscriber.add(
          renewals$.subscribe({
            next: (info) => {
              context.held.current = info;
              confToken = info.token;
            },
            error: fail,
          }),
        );
      }
    }
  });
}
