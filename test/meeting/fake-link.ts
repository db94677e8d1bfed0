/**
 * A meeting on a virtual clock over fake sockets that a test drives as the server would: open,
 * answer Subscribe, echo heartbeats, push, close. Tokens come from a scripted fetch (password
 * mode) or a provider. Nothing here touches the network.
 */
import { setImmediate } from 'node:timers/promises';
import { of } from 'rxjs';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { ConnectMeetingOptions } from '../../src/meeting/options.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';
import { controlTokenBody, fakeFetch, TOKEN_A, WS_TOKEN } from '../auth/fake-fetch.js';
import { confDynamicInfo, netCondition } from '../protocol/fixtures/protocol-examples.js';
import { virtualClock } from './virtual-clock.js';

export const CONF = '913570246';
/** A realistic control-token life: 30 min (§2.2 `confTokenExpireTime` 1800). */
export const TOKEN_LIFE_MS = 1_800_000;

/** Behaviour of the fake server. */
export interface FakeServer {
  /** Answers each HeartBeat with its echo (§6.2). @defaultValue true */
  readonly echo?: boolean;
  /** Answers each Subscribe with this `returnCode`; `undefined`: no answer. @defaultValue 0 */
  readonly subscribeReturnCode?: number | undefined;
}

export function fakeLink(
  meetingOptions: Partial<ConnectMeetingOptions> = {},
  server: FakeServer = {},
  answers?: Parameters<typeof fakeFetch>[0],
) {
  const { scheduler, advance } = virtualClock();
  const echo = server.echo ?? true;
  const returnCode = 'subscribeReturnCode' in server ? server.subscribeReturnCode : 0;
  const sockets: FakeSocket[] = [];
  class FakeSocket implements WebSocketLike {
    readyState = 0;
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    readonly sent: Array<{ action: string; sequence: string; data?: string }> = [];
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send(text: string) {
      const frame = JSON.parse(text) as { action: string; sequence: string; data?: string };
      this.sent.push(frame);
      // The server answers in a later turn, as a real one would.
      if (frame.action === 'HeartBeat' && echo) {
        scheduler.schedule(() => this.receive({ action: 'HeartBeat', sequence: frame.sequence }));
      }
      if (frame.action === 'Subscribe' && returnCode !== undefined) {
        scheduler.schedule(() => {
          this.receive({ action: 'Subscribe', sequence: frame.sequence, data: { returnCode } });
          if (returnCode === 0) this.receive(confDynamicInfo);
        });
      }
    }
    close() {
      this.readyState = 3;
    }
    /** The handshake completes. */
    open() {
      if (this.readyState !== 0) return;
      this.readyState = 1;
      this.onopen?.({});
    }
    /** The server sends `frame` (an object, or JSON text). */
    receive(frame: unknown) {
      if (this.readyState !== 1) return;
      this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
    }
    /** The server closes the socket. */
    serverClose(code: number, reason = '') {
      this.readyState = 3;
      this.onclose?.({ code, reason, wasClean: true });
    }
    subscribes(): string[][] {
      return this.sent
        .filter((frame) => frame.action === 'Subscribe')
        .map((frame) => (JSON.parse(frame.data ?? '{}') as { subscribeType: string[] }).subscribeType);
    }
  }
  const scripted = fakeFetch(
    answers ?? [
      { status: 200, body: controlTokenBody(TOKEN_A, TOKEN_LIFE_MS) },
      // One fresh wsToken per attempt (§3: single use).
      ...[1, 2, 3, 4].map(() => ({ status: 200, body: { webSocketToken: WS_TOKEN } })),
    ],
  );
  const meeting = connectMeeting({
    conferenceId: CONF,
    ...(meetingOptions.getTokens === undefined
      ? { hostPassword: 'host-password-1', baseUrl: 'http://127.0.0.1:9', fetch: scripted.fetch }
      : {}),
    WebSocket: FakeSocket,
    heartbeatIntervalMs: 60_000,
    livenessTimeoutMs: 30_000,
    reconnect: { initialDelayMs: 1000, maxDelayMs: 1000, jitter: 'none' },
    idleGraceMs: 1000,
    scheduler,
    ...meetingOptions,
  });
  const statuses: MeetingStatus[] = [];
  meeting.status$.subscribe((status) => statuses.push(status));
  /** Lets promises settle (the scripted fetch and the socket factory resolve in microtasks). */
  const settle = async () => {
    for (let i = 0; i < 3; i++) await setImmediate();
  };
  const open = () => sockets.filter((socket) => socket.readyState !== 3);
  /** How many actions the virtual clock still has queued (timers left behind). */
  const timers = () => scheduler.actions.length;
  /** Opens the newest socket and lets the fake server answer its Subscribe. */
  const openLatest = () => {
    sockets.at(-1)?.open();
    advance(0);
  };
  return {
    meeting,
    sockets,
    open,
    statuses,
    phases: () => statuses.map((status) => status.phase),
    requests: scripted.requests,
    advance,
    settle,
    timers,
    openLatest,
  };
}

/** A provider of fresh tokens, for tests that need no REST. */
export const providedTokens = () => of({ wsURL: 'wss://127.0.0.1:1', confToken: 'ct', webSocketToken: 'wt' });

export { netCondition };
