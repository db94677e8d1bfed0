/**
 * One accepted WebSocket of a meeting: reads client frames (§5), answers Subscribe (§6.1),
 * HeartBeat (§6.2) and ConfControl (§5.3, §5.4), keeps the heartbeat timeout (§7), and sends every
 * outgoing frame through one queue so the `delayFrames` fault keeps their order.
 */
import WebSocket from 'ws';
import { isNotifyType, type NotifyType } from '../protocol/notify-types.js';
import type { SimulatorClock } from './clock.js';
import type { FaultState, FaultTarget } from './faults.js';
import {
  buildConfControlReply,
  buildHeartBeatReply,
  buildSubscribeReply,
  SUBSCRIBE_FAILURES,
  type WireFrame,
} from './frames.js';
import type { ControlTokenRecord } from './tokens.js';

/** Close codes of the simulator (§8 table). */
export const CLOSE = {
  bye: { code: 1000, reason: 'bye' },
  heartbeatTimeout: { code: 4000, reason: 'heartbeat timeout' },
  authFailed: { code: 4001, reason: 'auth failed' },
  tokenExpired: { code: 4003, reason: 'token expired' },
  conferenceEnded: { code: 4004, reason: 'conference ended' },
} as const;

/** What a session needs from its meeting and simulator. */
export interface SessionContext {
  readonly conferenceId: string;
  readonly clock: SimulatorClock;
  readonly heartbeatTimeoutMs: number;
  readonly faults: FaultState;
  findControlToken(presented: string | undefined): ControlTokenRecord | undefined;
  /** The full-message snapshot texts for `types`, in Appendix A order. */
  snapshot(types: ReadonlySet<NotifyType>): string[];
  startCaptions(): void;
  frameSent(text: string): void;
  detach(session: SocketSession): void;
}

/** One live socket of a meeting. */
export interface SocketSession extends FaultTarget {
  isOpen(): boolean;
  isSubscribed(action: string): boolean;
  /** Closes with `code`/`reason` after any frames still queued. */
  close(code: number, reason: string): void;
  /** Closes at once, dropping queued frames (simulator shutdown). */
  closeNow(code: number, reason: string): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `data` of Subscribe/ConfControl: a JSON string (as published) or a plain object (§9.1). */
const readData = (data: unknown): Record<string, unknown> | undefined => {
  if (isObject(data)) return data;
  if (typeof data !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/** Wraps an accepted WebSocket; the caller registers the returned session with its meeting. */
export function createSocketSession(ws: WebSocket, ctx: SessionContext): SocketSession {
  const { clock, faults } = ctx;
  let subscribed = new Set<NotifyType>();
  let boundToken: ControlTokenRecord | undefined;
  let heartbeatTimer: unknown;
  let expiryTimer: unknown;
  const queueTimers = new Set<unknown>();
  let queueTail = 0;
  let closed = false;

  /** Runs `step` now, or after the frame delay while keeping the order of everything queued. */
  const enqueue = (step: () => void): void => {
    const delay = faults.frameDelayMs;
    if (delay <= 0 && queueTimers.size === 0) {
      step();
      return;
    }
    const dueAt = Math.max(clock.now() + delay, queueTail);
    queueTail = dueAt;
    const handle = clock.setTimeout(() => {
      queueTimers.delete(handle);
      step();
    }, dueAt - clock.now());
    queueTimers.add(handle);
  };

  const send = (text: string): void =>
    enqueue(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      ws.send(text);
      ctx.frameSent(text);
    });
  const sendFrame = (frame: WireFrame): void => send(JSON.stringify(frame));

  const closeNow = (code: number, reason: string): void => {
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
  };
  const close = (code: number, reason: string): void => enqueue(() => closeNow(code, reason));

  // §7: the timer starts at the upgrade; only HeartBeat frames restart it.
  const restartHeartbeatTimer = (): void => {
    clock.clearTimeout(heartbeatTimer);
    heartbeatTimer = clock.setTimeout(
      () => close(CLOSE.heartbeatTimeout.code, CLOSE.heartbeatTimeout.reason),
      ctx.heartbeatTimeoutMs,
    );
  };

  const armTokenExpiry = (): void => {
    if (!faults.expireTokenOnSocket || boundToken === undefined || closed) return;
    clock.clearTimeout(expiryTimer);
    const fire = (): void => close(CLOSE.tokenExpired.code, CLOSE.tokenExpired.reason);
    const wait = boundToken.expiresAt - clock.now();
    if (wait <= 0) fire();
    else expiryTimer = clock.setTimeout(fire, wait);
  };

  /** The §6.1 failure that applies to a Subscribe `data`, or the accepted token and requested types. */
  const checkSubscribe = (
    data: Record<string, unknown> | undefined,
  ):
    | { readonly failure: { code: number; desc: string } }
    | { readonly token: ControlTokenRecord; readonly types: readonly unknown[] } => {
    const types = data?.['subscribeType'];
    if (data === undefined || !Array.isArray(types)) return { failure: SUBSCRIBE_FAILURES.requestError };
    const confToken = typeof data['confToken'] === 'string' ? data['confToken'] : undefined;
    const token = ctx.findControlToken(confToken);
    if (token === undefined || token.conferenceId !== ctx.conferenceId) {
      return { failure: SUBSCRIBE_FAILURES.authFailed };
    }
    // §9.2: optional, but when present it must name this socket's conference.
    const conferenceID = data['conferenceID'];
    if (conferenceID !== undefined && String(conferenceID) !== ctx.conferenceId) {
      return { failure: SUBSCRIBE_FAILURES.insufficientPermissions };
    }
    return { token, types };
  };

  const onSubscribe = (frame: Record<string, unknown>): void => {
    const verdict = checkSubscribe(readData(frame['data']));
    if ('failure' in verdict) {
      sendFrame(buildSubscribeReply(frame['sequence'], verdict.failure.code, verdict.failure.desc));
      return;
    }
    // §5.1: the new list replaces the old one; unknown types are ignored but still answered with success.
    subscribed = new Set(
      verdict.types.filter((t): t is NotifyType => typeof t === 'string' && isNotifyType(t)),
    );
    boundToken = verdict.token;
    sendFrame(buildSubscribeReply(frame['sequence'], 0, 'SUCCESS'));
    for (const text of ctx.snapshot(subscribed)) send(text);
    armTokenExpiry();
  };

  const onConfControl = (frame: Record<string, unknown>): void => {
    const type = frame['type'];
    if (type === 'REALTIMESUBTITLE') {
      sendFrame(buildConfControlReply(frame['sequence'], type));
      // §5.3: captions can only be switched on; "stop" is accepted and has no effect.
      const isSubtitle = readData(frame['data'])?.['isSubtitle'];
      if (Number(isSubtitle) === 1) ctx.startCaptions();
    } else if (type === 'REFRESHTOKEN') {
      // §5.4: WeLink-only frame; accepted and otherwise ignored.
      sendFrame(buildConfControlReply(frame['sequence'], type));
    }
  };

  const onMessage = (raw: WebSocket.RawData, isBinary: boolean): void => {
    if (isBinary) return;
    let frame: unknown;
    try {
      frame = JSON.parse(raw.toString());
    } catch {
      return; // §8: malformed client frames are ignored, no reply.
    }
    if (!isObject(frame)) return;
    switch (frame['action']) {
      case 'Subscribe':
        onSubscribe(frame);
        return;
      case 'HeartBeat':
        restartHeartbeatTimer();
        if (!faults.heartbeatEchoStopped) sendFrame(buildHeartBeatReply(frame['sequence']));
        return;
      case 'ConfControl':
        onConfControl(frame);
        return;
      default:
        return; // §8: unknown actions are ignored.
    }
  };

  const session: SocketSession = {
    isOpen: () => ws.readyState === WebSocket.OPEN,
    isSubscribed: (action) => subscribed.has(action as NotifyType),
    send,
    close,
    closeNow,
    terminate: () => ws.terminate(),
    armTokenExpiry,
  };

  ws.on('message', onMessage);
  ws.on('error', () => {
    // A broken client connection only ends this session; 'close' follows.
  });
  ws.on('close', () => {
    closed = true;
    clock.clearTimeout(heartbeatTimer);
    clock.clearTimeout(expiryTimer);
    for (const handle of queueTimers) clock.clearTimeout(handle);
    queueTimers.clear();
    ctx.detach(session);
  });
  restartHeartbeatTimer();
  return session;
}
