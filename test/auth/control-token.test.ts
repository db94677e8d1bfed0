import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { controlToken, fetchControlToken, refreshDelayMs } from '../../src/auth/control-token.js';
import { Secret } from '../../src/security/secret.js';
import { controlTokenBody, fakeFetch, TOKEN_A, TOKEN_B } from './fake-fetch.js';

const PASSWORD = 'host-pw-123456';
const base = {
  conferenceId: '913570246',
  baseUrl: 'http://127.0.0.1:9/',
  hostPassword: new Secret(PASSWORD),
};

describe('fetchControlToken', () => {
  it('makes the password call (§2.1): GET path, conferenceID query, X-Password, X-Login-Type 1', async () => {
    const { fetch, requests } = fakeFetch([
      { status: 200, body: controlTokenBody(TOKEN_A, Date.now() + 1_800_000) },
    ]);
    const info = await firstValueFrom(fetchControlToken({ ...base, fetch }));
    expect(requests[0]?.url).toBe(
      'http://127.0.0.1:9/v1/mmc/control/conferences/token?conferenceID=913570246',
    );
    expect(requests[0]?.headers).toMatchObject({ 'X-Password': PASSWORD, 'X-Login-Type': '1' });
    expect(requests[0]?.headers['X-Conference-Authorization']).toBeUndefined();
    expect(info.token.reveal()).toBe(TOKEN_A);
    expect(info.wsURL).toBe('wss://198.51.100.27:443');
  });

  it('makes the keep-alive call with the current token in Basic form (§2.3, §2.4)', async () => {
    const { fetch, requests } = fakeFetch([
      { status: 200, body: controlTokenBody(TOKEN_A, Date.now() + 1000) },
      { status: 200, body: controlTokenBody(TOKEN_B, Date.now() + 1000) },
    ]);
    const first = await firstValueFrom(fetchControlToken({ ...base, fetch }));
    await firstValueFrom(fetchControlToken({ ...base, fetch }, first));
    expect(requests[1]?.headers['X-Conference-Authorization']).toBe(
      `Basic ${Buffer.from(TOKEN_A).toString('base64')}`,
    );
  });

  it('fails with a typed, secret-free REST_AUTH_FAILED on a wrong password', async () => {
    const { fetch } = fakeFetch([
      { status: 400, body: { error_code: 'MMC.111072065', error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED' } },
    ]);
    const error = await firstValueFrom(fetchControlToken({ ...base, fetch })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REST_AUTH_FAILED', status: 400, errorCode: 'MMC.111072065' });
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
  });

  it('fails with REST_FAILED for a 500 and NETWORK when fetch rejects', async () => {
    const { fetch } = fakeFetch([
      { status: 500, body: { error_code: 'MMC.111070003', error_msg: 'CONF_EXCEPTION' } },
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
    ]);
    await expect(firstValueFrom(fetchControlToken({ ...base, fetch }))).rejects.toMatchObject({
      code: 'REST_FAILED',
      status: 500,
      errorMsg: 'CONF_EXCEPTION',
    });
    await expect(firstValueFrom(fetchControlToken({ ...base, fetch }))).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'createConfToken: no answer (TypeError: ECONNREFUSED)',
    });
  });

  it('fails with REST_INVALID_RESPONSE when a 200 body does not decode', async () => {
    const { fetch } = fakeFetch([{ status: 200, body: { data: { nothing: true } } }]);
    await expect(firstValueFrom(fetchControlToken({ ...base, fetch }))).rejects.toMatchObject({
      code: 'REST_INVALID_RESPONSE',
      call: 'createConfToken',
    });
  });
});

describe('refreshDelayMs', () => {
  const info = { token: new Secret(TOKEN_A), wsURL: 'wss://x', expireTime: 100_000 };
  it('is 80 % of the life left until expireTime (never assumes 1800 s)', () => {
    expect(refreshDelayMs(info, 0)).toBe(80_000);
    expect(refreshDelayMs(info, 50_000)).toBe(40_000);
  });
  it('falls back to confTokenExpireTime when expireTime is already past, else to 60 s', () => {
    expect(refreshDelayMs({ ...info, confTokenExpireTime: 600 }, 200_000)).toBe(480_000);
    expect(refreshDelayMs(info, 200_000)).toBe(60_000);
  });
  it('never exceeds the largest timer delay, which would fire at once and renew in a loop', () => {
    const oneYear = 365 * 24 * 3_600_000;
    expect(refreshDelayMs({ ...info, expireTime: oneYear }, 0)).toBe(2_147_483_647);
  });
});

describe('controlToken keep-alive (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('renews at 80 % of the life from expireTime and adopts the returned token', async () => {
    const { fetch, requests } = fakeFetch([
      { status: 200, body: controlTokenBody(TOKEN_A, 1_000_000 + 10_000) },
      { status: 200, body: controlTokenBody(TOKEN_B, 1_000_000 + 8_000 + 20_000) },
      { status: 200, body: controlTokenBody(TOKEN_A, 1_000_000 + 50_000) },
    ]);
    const tokens: string[] = [];
    const times: number[] = [];
    const done = lastValueFrom(controlToken({ ...base, fetch }).pipe(take(3), toArray()));
    void done.then((all) => {
      for (const t of all) tokens.push(t.token.reveal());
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(7_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    times.push(Date.now());
    expect(requests).toHaveLength(2);
    // the second token expires 20 s after it arrived: renew 16 s later, with TOKEN_B in the header.
    await vi.advanceTimersByTimeAsync(16_000);
    expect(requests).toHaveLength(3);
    expect(requests[2]?.headers['X-Conference-Authorization']).toBe(
      `Basic ${Buffer.from(TOKEN_B).toString('base64')}`,
    );
    await done;
    expect(tokens).toEqual([TOKEN_A, TOKEN_B, TOKEN_A]);
  });

  it('starts from a held token with life left instead of calling with the password', async () => {
    const { fetch, requests } = fakeFetch([
      { status: 200, body: controlTokenBody(TOKEN_B, 1_000_000 + 600_000) },
    ]);
    const initial = { token: new Secret(TOKEN_A), wsURL: 'wss://x', expireTime: 1_000_000 + 100_000 };
    const first = await firstValueFrom(controlToken({ ...base, fetch, initial }));
    expect(first).toBe(initial);
    expect(requests).toHaveLength(0);
  });

  it('aborts a hung call with TIMEOUT after restTimeoutMs', async () => {
    const { fetch, requests } = fakeFetch(['hang']);
    const result = firstValueFrom(controlToken({ ...base, fetch, restTimeoutMs: 500 })).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toMatchObject({ code: 'TIMEOUT', operation: 'createConfToken', afterMs: 500 });
    expect(requests[0]?.signal.aborted).toBe(true);
  });
});
