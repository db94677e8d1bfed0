/**
 * Scheme and URL rules (issue 14 points 4 and 10): an `https:` gateway that answers a `ws://`
 * wsURL gets no socket (a typed, fatal `WS_URL_REJECTED`), unless `allowInsecureWebSocket`; an
 * `http:` gateway (the simulator) may; `wsURL` is parsed with `URL`, so a path or query of its own
 * survives.
 */
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { FetchLike } from '../../src/transport/fetch-like.js';
import { waitFor } from '../cli/cli-process.js';
import { controlTokenAnswer, type HostileServer, startHostileServer } from '../helpers/hostile-server.js';

/** A fetch for an `https:` gateway that is really the hostile server on plain loopback HTTP. */
function viaLoopback(server: HostileServer): FetchLike {
  return (url, init) =>
    globalThis.fetch(
      url.replace('https://gw.example.test', server.baseUrl),
      init,
    ) as unknown as ReturnType<FetchLike>;
}

describe('downgrade and wsURL rules', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('https gateway + ws:// wsURL: WS_URL_REJECTED insecure, closed, no socket opened', async () => {
    server = await startHostileServer();
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-downgrade-1',
      baseUrl: 'https://gw.example.test',
      fetch: viaLoopback(server),
    });
    const statuses: MeetingStatus[] = [];
    meeting.status$.subscribe((s) => statuses.push(s));
    meeting.confDynamicInfo$.subscribe();
    try {
      await waitFor(
        () => statuses.at(-1)?.phase,
        (phase) => phase === 'closed',
        'closed',
      );
      expect(statuses.at(-1)?.lastError).toMatchObject({ code: 'WS_URL_REJECTED', reason: 'insecure' });
      expect(statuses.map((s) => s.phase)).not.toContain('reconnecting');
      expect(server.sockets).toHaveLength(0);
    } finally {
      meeting.close();
    }
  });

  it('allowInsecureWebSocket opts in', async () => {
    server = await startHostileServer();
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-downgrade-1',
      baseUrl: 'https://gw.example.test',
      fetch: viaLoopback(server),
      allowInsecureWebSocket: true,
    });
    try {
      await firstValueFrom(meeting.confDynamicInfo$);
      expect(server.sockets).toHaveLength(1);
    } finally {
      meeting.close();
    }
  });

  it('keeps a path and a query of wsURL (parsed, not concatenated)', async () => {
    server = await startHostileServer({
      controlToken: (_request, context) =>
        controlTokenAnswer(context, {
          wsURL: `${context.wsUrl}/edge/7/?region=cn%20north&tmpToken=evil#frag`,
        }),
    });
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-url-1',
      baseUrl: server.baseUrl,
    });
    try {
      await firstValueFrom(meeting.confDynamicInfo$);
      const url = server.sockets[0]?.url;
      expect(url?.pathname).toBe('/edge/7/cms/open/websocket/confctl/increment/conn');
      expect(url?.searchParams.get('region')).toBe('cn north');
      expect(url?.searchParams.get('confID')).toBe(server.conferenceId);
      expect(url?.searchParams.getAll('tmpToken')).toHaveLength(1);
      expect(url?.searchParams.get('tmpToken')).not.toBe('evil');
    } finally {
      meeting.close();
    }
  });

  it('a wsURL that is no ws:/wss: URL is a retried WS_URL_REJECTED invalid', async () => {
    server = await startHostileServer({
      controlToken: (_request, context) => controlTokenAnswer(context, { wsURL: 'ftp://example.test' }),
    });
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-url-2',
      baseUrl: server.baseUrl,
      reconnect: { initialDelayMs: 10, maxDelayMs: 10 },
    });
    const statuses: MeetingStatus[] = [];
    meeting.status$.subscribe((s) => statuses.push(s));
    meeting.confDynamicInfo$.subscribe();
    try {
      await waitFor(
        () => statuses.at(-1)?.phase,
        (phase) => phase === 'reconnecting',
        'reconnecting',
      );
      expect(statuses.at(-1)?.lastError).toMatchObject({ code: 'WS_URL_REJECTED', reason: 'invalid' });
    } finally {
      meeting.close();
    }
  });
});
