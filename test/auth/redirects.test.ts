/**
 * Credentials never follow a redirect (issue 14 point 5): every fetch is called with
 * `redirect: 'error'`, the library's own client and an injected one alike, and a 302 on the token
 * call or a 307 on the wsToken call sends nothing to the other origin.
 */
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { FetchLike } from '../../src/transport/fetch-like.js';
import { waitFor } from '../cli/cli-process.js';
import { type HostileServer, startHostileServer } from '../helpers/hostile-server.js';

const PASSWORD = 'pw-redirect-1';

describe('redirects are never followed', () => {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  /** The other origin, and a gateway that redirects `which` call there. */
  async function redirecting(which: 'token' | 'wsToken', status: 302 | 307) {
    const elsewhere = await startHostileServer();
    servers.push(elsewhere);
    const redirect = (path: string) => ({ status, headers: { Location: `${elsewhere.baseUrl}${path}` } });
    const gateway = await startHostileServer(
      which === 'token'
        ? { controlToken: () => redirect('/v1/mmc/control/conferences/token') }
        : { webSocketToken: () => redirect('/v1/mmc/control/conferences/wsToken') },
    );
    servers.push(gateway);
    return { elsewhere, gateway };
  }

  for (const [which, status] of [
    ['token', 302],
    ['wsToken', 307],
  ] as const) {
    for (const client of ['globalThis.fetch', 'the default client'] as const) {
      it(`a ${status} on the ${which} call with ${client}: nothing reaches the other origin`, async () => {
        const { elsewhere, gateway } = await redirecting(which, status);
        const meeting = connectMeeting({
          conferenceId: gateway.conferenceId,
          hostPassword: PASSWORD,
          baseUrl: gateway.baseUrl,
          ...(client === 'globalThis.fetch' ? { fetch: globalThis.fetch as unknown as FetchLike } : {}),
          reconnect: { maxAttempts: 0 },
        });
        const statuses: MeetingStatus[] = [];
        meeting.status$.subscribe((s) => statuses.push(s));
        meeting.confDynamicInfo$.subscribe({ error: () => {} });
        try {
          await waitFor(
            () => statuses.at(-1)?.phase,
            (phase) => phase === 'closed',
            'the meeting to give up',
          );
          expect(elsewhere.requests).toEqual([]);
          const error = statuses.at(-1)?.lastError;
          // undici rejects the redirect (NETWORK); the node:http client reports the 3xx answer.
          expect(
            error?.code === 'NETWORK' || (error?.code === 'REST_FAILED' && error.status === status),
          ).toBe(true);
        } finally {
          meeting.close();
        }
      });
    }
  }

  it('passes redirect: "error" to an injected fetch on every call', async () => {
    const gateway = await startHostileServer();
    servers.push(gateway);
    const seen: Array<string | undefined> = [];
    const fetch: FetchLike = (url, init) => {
      seen.push(init.redirect);
      return globalThis.fetch(url, init) as unknown as ReturnType<FetchLike>;
    };
    const meeting = connectMeeting({
      conferenceId: gateway.conferenceId,
      hostPassword: PASSWORD,
      baseUrl: gateway.baseUrl,
      fetch,
    });
    try {
      await firstValueFrom(meeting.confDynamicInfo$);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(new Set(seen)).toEqual(new Set(['error']));
    } finally {
      meeting.close();
    }
  });
});
