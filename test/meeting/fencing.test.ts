/**
 * Stale-socket fencing, with a fake WebSocket whose old handlers can still be called after the
 * client let go of the socket (as a misbehaving implementation might).
 */
import { describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { WebSocketConstructor, WebSocketLike } from '../../src/transport/websocket-like.js';
import { controlTokenBody, fakeFetch, TOKEN_A, WS_TOKEN } from '../auth/fake-fetch.js';
import { until } from './harness.js';

type Handlers = Pick<WebSocketLike, 'onopen' | 'onmessage' | 'onclose' | 'onerror'>;

const sockets: FakeSocket[] = [];

class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  /** The handlers as first installed, kept even after the client detaches them. */
  readonly original: Partial<Handlers> = {};
  readonly sent: string[] = [];
  #onmessage: WebSocketLike['onmessage'] = null;
  constructor(readonly url: string) {
    sockets.push(this);
  }
  get onmessage() {
    return this.#onmessage;
  }
  set onmessage(handler) {
    this.original.onmessage ??= handler ?? undefined;
    this.#onmessage = handler;
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.original.onclose = this.onclose ?? undefined;
    this.readyState = 1;
    this.onopen?.({});
  }
  push(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const CONF = '913570246';
const participants = (version: number, msgMode: 0 | 1, pid: string) => ({
  action: 'ParticipantsNotify',
  version,
  createTime: 1767258002001,
  msgID: '6a1f3e20c4b711f0a1b2c3d4e5f60718',
  msgMode,
  confID: CONF,
  data: [{ pid, mode: 0, pinfoMap: { NAME: pid } }],
});

describe('stale-socket fencing', () => {
  it('ignores frames and close events of a superseded socket', async () => {
    sockets.length = 0;
    const { fetch } = fakeFetch([
      { status: 200, body: controlTokenBody(TOKEN_A, Date.now() + 1_800_000) },
      { status: 200, body: { webSocketToken: WS_TOKEN } },
      { status: 200, body: { webSocketToken: 'cnr2' } },
    ]);
    const meeting = connectMeeting({
      conferenceId: CONF,
      hostPassword: 'pw',
      baseUrl: 'http://127.0.0.1:9',
      fetch,
      WebSocket: FakeSocket as unknown as WebSocketConstructor,
      reconnect: { initialDelayMs: 1, jitter: 'none' },
    });
    const statuses: MeetingStatus[] = [];
    meeting.status$.subscribe((s) => statuses.push(s));
    const pids: string[] = [];
    meeting.participants$.subscribe((m) => pids.push(...m.data.map((p) => p.pid)));
    try {
      await until(() => sockets.length === 1);
      const old = sockets[0]!;
      old.open();
      old.push(participants(1767258002001, 0, 'first'));
      expect(statuses.at(-1)?.phase).toBe('live');
      // The first socket dies; the client reconnects on a second one.
      old.original.onclose?.({ code: 1006, reason: '', wasClean: false });
      await until(() => sockets.length === 2);
      const fresh = sockets[1]!;
      fresh.open();
      fresh.push(participants(1767258003001, 0, 'second'));
      const statusCount = statuses.length;
      // Late events of the superseded socket reach neither the streams nor the status.
      old.original.onmessage?.({ data: JSON.stringify(participants(1767258004001, 0, 'stale')) });
      old.original.onclose?.({ code: 4004, reason: 'conference ended', wasClean: true });
      expect(pids).toEqual(['first', 'second']);
      expect(statuses.length).toBe(statusCount);
      expect(statuses.at(-1)?.phase).toBe('live');
      expect(fresh.url).toContain('tmpToken=cnr2');
    } finally {
      meeting.close();
    }
  });
});
