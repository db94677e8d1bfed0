import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { webSocketToken } from '../../src/auth/websocket-token.js';
import { Secret } from '../../src/security/secret.js';
import { fakeFetch, TOKEN_A, WS_TOKEN } from './fake-fetch.js';

const base = { conferenceId: '913570246', baseUrl: 'http://127.0.0.1:9', controlToken: new Secret(TOKEN_A) };

describe('webSocketToken', () => {
  it('calls GET wsToken (§3) with the control token and makes one call per subscription', async () => {
    const { fetch, requests } = fakeFetch([
      { status: 200, body: { webSocketToken: WS_TOKEN } },
      { status: 200, body: { webSocketToken: 'cnr2' } },
    ]);
    const token$ = webSocketToken({ ...base, fetch });
    const a = await firstValueFrom(token$);
    const b = await firstValueFrom(token$);
    expect(a.webSocketToken.reveal()).toBe(WS_TOKEN);
    expect(b.webSocketToken.reveal()).toBe('cnr2');
    expect(requests.map((r) => r.url)).toEqual([
      'http://127.0.0.1:9/v1/mmc/control/conferences/wsToken?conferenceID=913570246',
      'http://127.0.0.1:9/v1/mmc/control/conferences/wsToken?conferenceID=913570246',
    ]);
    expect(requests[0]?.headers['X-Conference-Authorization']).toBe(
      `Basic ${Buffer.from(TOKEN_A).toString('base64')}`,
    );
  });

  it('accepts the WeLink {returnCode, data:{webSocketToken}} shape (§3)', async () => {
    const { fetch } = fakeFetch([
      { status: 200, body: { returnCode: 0, data: { webSocketToken: WS_TOKEN } } },
    ]);
    const info = await firstValueFrom(webSocketToken({ ...base, fetch }));
    expect(info.webSocketToken.reveal()).toBe(WS_TOKEN);
  });

  it('fails with MEETING_NOT_FOUND when the meeting is over', async () => {
    const { fetch } = fakeFetch([
      { status: 400, body: { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' } },
    ]);
    await expect(firstValueFrom(webSocketToken({ ...base, fetch }))).rejects.toMatchObject({
      code: 'MEETING_NOT_FOUND',
      call: 'createWebSocketToken',
    });
  });
});
