/**
 * The smaller items of issue 14 point 10: an error body inside a 200 follows the error_code rules
 * (against a hostile server on 127.0.0.1), and a Subscribe never answered becomes a warning and,
 * with no push either, a reconnect (virtual time).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import { SUBSCRIBE_REPLY_TIMEOUT_MS } from '../../src/meeting/subscribe-deadline.js';
import { waitFor } from '../cli/cli-process.js';
import { type HostileServer, startHostileServer } from '../helpers/hostile-server.js';
import { virtualMeeting } from '../helpers/virtual-meeting.js';

describe('an error body inside a 200', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('MMC.111070005 in a 200 ends the meeting as MEETING_NOT_FOUND after one call', async () => {
    server = await startHostileServer({
      controlToken: () => ({
        status: 200,
        body: { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' },
      }),
    });
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-200-1',
      baseUrl: server.baseUrl,
      reconnect: { initialDelayMs: 5, maxDelayMs: 5 },
    });
    const statuses: MeetingStatus[] = [];
    meeting.status$.subscribe((s) => statuses.push(s));
    meeting.confDynamicInfo$.subscribe();
    try {
      await waitFor(
        () => statuses.at(-1)?.phase,
        (phase) => phase === 'ended',
        'ended',
      );
      expect(statuses.at(-1)?.lastError).toMatchObject({
        code: 'MEETING_NOT_FOUND',
        call: 'createConfToken',
        status: 200,
        errorCode: 'MMC.111070005',
      });
      expect(server.requests).toHaveLength(1);
    } finally {
      meeting.close();
    }
  });
});

describe('a Subscribe never answered (heartbeats echoed)', () => {
  const answer = (request: { url: string }) =>
    request.url.includes('/conferences/token')
      ? {
          status: 200,
          body: {
            data: { token: 'stb1', wsURL: 'wss://h', expireTime: 10 ** 13, confTokenExpireTime: 1800 },
          },
        }
      : { status: 200, body: { webSocketToken: 'cnr1' } };

  it('and no push: a SUBSCRIBE_UNANSWERED warning, then a reconnect with SUBSCRIBE_TIMEOUT', async () => {
    const f = virtualMeeting(answer, { heartbeatIntervalMs: 1000 }, (frame) => frame.action === 'Subscribe');
    f.meeting.confDynamicInfo$.subscribe();
    try {
      await f.run(SUBSCRIBE_REPLY_TIMEOUT_MS - 500);
      expect(f.statuses.at(-1)?.phase).toBe('subscribing');
      await f.run(1000);
      expect(f.warnings.map((w) => w.code)).toContain('SUBSCRIBE_UNANSWERED');
      const reconnecting = f.statuses.find((s) => s.phase === 'reconnecting');
      expect(reconnecting?.lastError).toMatchObject({
        code: 'SUBSCRIBE_TIMEOUT',
        afterMs: SUBSCRIBE_REPLY_TIMEOUT_MS,
      });
    } finally {
      f.meeting.close();
    }
  });

  it('but pushes come: a warning only, the socket stays live', async () => {
    const f = virtualMeeting(answer, { heartbeatIntervalMs: 1000 }, (frame, socket) => {
      if (frame.action !== 'Subscribe') return false;
      queueMicrotask(() =>
        socket.receive({
          confID: '913570246',
          msgID: 'd1',
          msgMode: 0,
          version: 1,
          createTime: 1,
          action: 'ConfDynamicInfoNotify',
          data: { state: 'Created' },
        }),
      );
      return true;
    });
    f.meeting.confDynamicInfo$.subscribe();
    try {
      await f.run(SUBSCRIBE_REPLY_TIMEOUT_MS + 5000);
      expect(f.warnings.map((w) => w.code)).toEqual(['SUBSCRIBE_UNANSWERED']);
      expect(f.statuses.at(-1)?.phase).toBe('live');
      expect(f.sockets).toHaveLength(1);
    } finally {
      f.meeting.close();
    }
  });
});

describe('invalid UTF-8 in a text frame (RFC 6455 §8.1)', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('fails the connection (WS_CLOSED 1006), and the client reconnects', async () => {
    let sockets = 0;
    server = await startHostileServer({
      onSocket: (socket) => {
        sockets += 1;
        if (sockets === 1)
          setTimeout(() => socket.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }), 20);
      },
    });
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-utf8-1',
      baseUrl: server.baseUrl,
      reconnect: { initialDelayMs: 5, maxDelayMs: 5 },
    });
    const statuses: MeetingStatus[] = [];
    meeting.status$.subscribe((s) => statuses.push(s));
    meeting.confDynamicInfo$.subscribe();
    try {
      await waitFor(
        () => statuses.filter((s) => s.phase === 'live').length,
        (n) => n >= 2,
        'live again after the bad frame',
      );
      expect(statuses.find((s) => s.phase === 'reconnecting')?.lastError).toMatchObject({
        code: 'WS_CLOSED',
        closeCode: 1006,
      });
    } finally {
      meeting.close();
    }
  });
});
