/**
 * A meeting on a virtual clock over a fake socket that answers like the service (Subscribe reply
 * and a full ConfDynamicInfoNotify, HeartBeat echoes), with REST answers computed per request by
 * the test (so an answer can depend on the virtual time). For timing rules of the issue 14 tests:
 * nothing touches the network.
 */
import { setImmediate } from 'node:timers/promises';
import type { VirtualTimeScheduler } from 'rxjs';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { ConnectMeetingOptions } from '../../src/meeting/options.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { MeetingWarning } from '../../src/meeting/warnings.js';
import type { FetchLike } from '../../src/transport/fetch-like.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';
import { virtualClock } from '../meeting/virtual-clock.js';

/** One REST request the meeting made. */
export interface VirtualRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Virtual time of the call. */
  readonly at: number;
}

/** What a fake socket's server does with a client frame; return `true` to suppress the default answer. */
export type FrameHook = (
  frame: { action: string; sequence: string; data?: string },
  socket: VirtualSocket,
) => unknown;

/** The fake socket's surface a test drives. */
export interface VirtualSocket extends WebSocketLike {
  readonly url: string;
  readonly sent: Array<{ action: string; sequence: string; data?: string }>;
  receive(frame: unknown): void;
  serverClose(code: number, reason?: string): void;
}

/**
 * Starts a meeting in password mode whose REST calls are answered by `answer` and whose sockets
 * open at once and answer per `onFrame` (default: like the service).
 */
export function virtualMeeting(
  answer: (request: VirtualRequest, scheduler: VirtualTimeScheduler) => { status: number; body: unknown },
  options: Partial<ConnectMeetingOptions> = {},
  onFrame?: FrameHook,
) {
  const { scheduler, advance } = virtualClock();
  const requests: VirtualRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    const request = { url, headers: init.headers, at: scheduler.now() };
    requests.push(request);
    const { status, body } = answer(request, scheduler);
    return Promise.resolve({
      status,
      ok: status >= 200 && status < 300,
      text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
    });
  };
  const sockets: VirtualSocket[] = [];
  class FakeSocket implements VirtualSocket {
    readyState = 0;
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    readonly sent: Array<{ action: string; sequence: string; data?: string }> = [];
    constructor(readonly url: string) {
      sockets.push(this);
      scheduler.schedule(() => {
        if (this.readyState !== 0) return;
        this.readyState = 1;
        this.onopen?.({});
      });
    }
    send(text: string) {
      const frame = JSON.parse(text) as { action: string; sequence: string; data?: string };
      this.sent.push(frame);
      if (onFrame?.(frame, this) === true) return;
      scheduler.schedule(() => {
        if (frame.action === 'HeartBeat') this.receive({ action: 'HeartBeat', sequence: frame.sequence });
        if (frame.action === 'Subscribe') {
          this.receive({ action: 'Subscribe', sequence: frame.sequence, data: { returnCode: 0 } });
          const now = scheduler.now();
          this.receive({
            confID: '913570246',
            msgID: `m${now}`,
            msgMode: 0,
            version: now,
            createTime: now,
            action: 'ConfDynamicInfoNotify',
            data: { state: 'Created' },
          });
        }
      });
    }
    close() {
      this.readyState = 3;
    }
    receive(frame: unknown) {
      if (this.readyState !== 1) return;
      this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
    }
    serverClose(code: number, reason = '') {
      this.readyState = 3;
      this.onclose?.({ code, reason, wasClean: true });
    }
  }
  const meeting = connectMeeting({
    conferenceId: '913570246',
    hostPassword: 'host-password-virtual',
    baseUrl: 'http://127.0.0.1:9',
    fetch,
    WebSocket: FakeSocket,
    heartbeatIntervalMs: 60_000,
    reconnect: { initialDelayMs: 1000, maxDelayMs: 1000, jitter: 'none' },
    scheduler,
    ...options,
  });
  const statuses: MeetingStatus[] = [];
  const warnings: MeetingWarning[] = [];
  meeting.status$.subscribe((status) => statuses.push(status));
  meeting.warnings$.subscribe((warning) => warnings.push(warning));
  const settle = async () => {
    for (let i = 0; i < 3; i++) await setImmediate();
  };
  /** Advances `totalMs` of virtual time in steps of `stepMs`, letting promises settle after each. */
  const run = async (totalMs: number, stepMs = 100) => {
    for (let t = 0; t < totalMs; t += stepMs) {
      advance(Math.min(stepMs, totalMs - t));
      await settle();
    }
  };
  return { meeting, scheduler, requests, sockets, statuses, warnings, advance, settle, run };
}
