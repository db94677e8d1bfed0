/**
 * One connection attempt: tokens → socket → Subscribe → heartbeat, liveness and pushes
 * (PROTOCOL.md §1). Fails with a {@link MeetingError} when anything breaks; the caller retries.
 */
import { defer, from, Observable, type Subject, type Subscriber, switchMap } from 'rxjs';
import type { MeetingError } from '../errors.js';
import { encodeSubscribe, makeSequence } from '../protocol/client-frames.js';
import { decodeServerFrame } from '../protocol/decode-server-frame.js';
import type { ServerFrame } from '../protocol/messages.js';
import type { Secret } from '../security/secret.js';
import type { VersionWarning } from '../state/version-check.js';
import { type ConnectionEvent, connection$ } from '../transport/connection.js';
import { heartbeat } from '../transport/heartbeat.js';
import { livenessWatch } from '../transport/liveness.js';
import type { CreateWebSocket } from '../transport/websocket-like.js';
import {
  type AttemptTokens,
  type HeldControlToken,
  type SocketTokens,
  webSocketUrl,
} from './attempt-tokens.js';
import { frameHandler, type Push } from './frame-handler.js';
import { gapHealer, LIST_ACTIONS } from './gap-healer.js';
import type { ResolvedMeetingOptions } from './options.js';
import type { MeetingWarning } from './warnings.js';

/** What a session needs from the meeting around it. */
export interface SessionContext {
  readonly options: ResolvedMeetingOptions;
  /** Makes this attempt's tokens: those that open the socket, and the renewals while it is open. */
  readonly tokens: () => AttemptTokens;
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

/**
 * The frame of a received event, decoded in one synchronous step, or `undefined` (after a
 * `DECODE_FAILED` warning) when it cannot be decoded or is too large.
 */
function decodeEvent(
  event: Exclude<ConnectionEvent, { type: 'open' }>,
  warn: (warning: MeetingWarning) => void,
  maxFrameBytes: number,
): ServerFrame | undefined {
  if (event.type === 'message') {
    const decoded = decodeServerFrame(event.text);
    if (decoded._tag === 'Right') return decoded.right;
    warn({ code: 'DECODE_FAILED', error: decoded.left, message: decoded.left.message });
    return undefined;
  }
  const message = `frame of ${event.bytes} bytes exceeds maxFrameBytes ${maxFrameBytes}`;
  warn({ code: 'DECODE_FAILED', error: { code: 'FRAME_TOO_LARGE', path: '', message }, message });
  return undefined;
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
 * The first value of `first$`, handed to `start` with the subscriber, which `start` keeps busy for
 * as long as it likes. `first$` must end with its one value (the attempt's tokens): then nothing of
 * it is held afterwards, as a flattening operator (`switchMap`) would be, for the socket's life.
 */
function afterFirst<T>(
  first$: Observable<T>,
  start: (subscriber: Subscriber<never>, first: T) => void,
): Observable<never> {
  return new Observable<never>((subscriber) =>
    first$.subscribe({
      next: (first) => start(subscriber, first),
      error: (error: unknown) => subscriber.error(error),
    }),
  );
}

/**
 * One attempt, as a cold Observable of the link's life: it emits nothing, delivers pushes through
 * `context.deliver`, and fails when the link does (the caller retries). Every status report,
 * warning and push of a superseded epoch is dropped (stale-socket fencing).
 *
 * Shape: the attempt's tokens, then one socket. Each event of the socket is handled in one
 * synchronous step: decoded, shown to the {@link livenessWatch}, then judged and delivered by the
 * {@link frameHandler}. Once the socket is open, the Subscribe sender, the {@link heartbeat}, the
 * gap healer and the control-token renewals run beside it, each as one subscription added to the
 * socket's subscriber, so a failure of any of them fails the attempt. (Rather than operators
 * combined with `connect` + `switchMap` + `merge`: a process may watch thousands of meetings, and
 * each operator would be held per socket for its whole life; docs/benchmarks.md.)
 */
export function session$(context: SessionContext): Observable<never> {
  return defer(() => {
    const epoch = context.beginEpoch();
    const current = () => context.isCurrent(epoch);
    const report: SessionContext['report'] = (phase) => current() && context.report(phase);
    const warn: SessionContext['warn'] = (warning) => current() && context.warn(warning);
    report('connecting');
    const { first$, renewals$ } = context.tokens();
    return afterFirst(first$, (subscriber, first) => live(subscriber, socketEvents$(first), first.confToken));

    function socketEvents$(first: SocketTokens): Observable<ConnectionEvent> {
      report('opening');
      const url = webSocketUrl(first.wsURL, context.options.conferenceId, first.webSocketToken);
      const open = (createSocket: CreateWebSocket) =>
        connection$({ url, createSocket, maxFrameBytes: context.options.maxFrameBytes });
      const factory = context.socketFactory();
      // Once the factory is at hand (every attempt but a process's first), no operator waits for it.
      return typeof factory === 'function' ? open(factory) : from(factory).pipe(switchMap(open));
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
      /** Sends a Subscribe frame for `subscribeTypes`; set once the socket is open. */
      let sendSubscribe: (subscribeTypes: readonly string[]) => void = () => {};
      // Told of full messages by the frame handler rather than fed a shared push stream, which would
      // cost every socket a share (and nearly always, no heal is under way).
      const healer = gapHealer({
        resubscribe: (action) => {
          if (subscribed === undefined || !subscribed.includes(action)) return false;
          sendSubscribe(subscribed);
          return true;
        },
        timeoutMs: options.healTimeoutMs,
        scheduler,
        fail,
      });
      subscriber.add(healer);

      const watch = livenessWatch({
        silenceMs: 2 * options.heartbeatIntervalMs,
        echoTimeoutMs: options.livenessTimeoutMs,
        scheduler,
        dead: fail,
      });
      subscriber.add(watch);
      const handle = frameHandler({
        conferenceId: options.conferenceId,
        warn: (warning) => {
          warn(warning);
          if (options.healGaps && signalsLoss(warning) && LIST_ACTIONS.has(warning.action)) {
            context.resync.next(warning.action);
          }
        },
        live: () => report('live'),
        deliver: context.deliver,
        full: (push) => healer.full(push),
        current,
        fail,
      });
      const handshake = scheduler.schedule(
        () => fail(handshakeTimeout(options.handshakeTimeoutMs)),
        options.handshakeTimeoutMs,
      );
      subscriber.add(handshake);

      /** The handshake completed: Subscribe, then heartbeat and heal for as long as the socket lives. */
      const opened = (send: (text: string) => void) => {
        handshake.unsubscribe();
        subscriber.remove(handshake);
        report('subscribing');
        sendSubscribe = (subscribeTypes) => {
          subscribed = subscribeTypes;
          const sequence = makeSequence(scheduler.now());
          send(encodeSubscribe({ sequence, conferenceId: options.conferenceId, subscribeTypes, confToken }));
        };
        subscriber.add(context.subscribeTypes$.subscribe({ next: sendSubscribe, error: fail }));
        subscriber.add(
          heartbeat(options.heartbeatIntervalMs, scheduler).subscribe((beat) => {
            send(beat.frame);
            watch.sent(beat.sequence);
          }),
        );
        subscriber.add(context.resync.subscribe({ next: (action) => healer.request(action) }));
      };

      subscriber.add(
        events$.subscribe({
          next: (event) => {
            if (event.type === 'open') {
              // The handshake is the link's first sign of life: silence is counted from here.
              watch.received();
              opened(event.send);
              return;
            }
            const frame = decodeEvent(event, warn, options.maxFrameBytes);
            // Any frame is a sign of life, even one that cannot be decoded; §6.2: an echo carries
            // the HeartBeat's sequence.
            watch.received(frame?.action === 'HeartBeat' ? frame.sequence : undefined);
            handle(frame);
          },
          error: fail,
          complete: () => subscriber.complete(),
        }),
      );
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
