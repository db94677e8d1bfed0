/**
 * `meetingTokens` (src/meeting/tokens.ts): the control token a meeting holds between attempts and
 * the tokens of each new socket (PROTOCOL.md §2, §3), with a scripted fetch and a virtual clock.
 */
import { setImmediate } from 'node:timers/promises';
import { EMPTY, type Observable, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_PATH } from '../../src/auth/control-token.js';
import { WEBSOCKET_TOKEN_PATH } from '../../src/auth/websocket-token.js';
import { type ConnectMeetingOptions, resolveMeetingOptions } from '../../src/meeting/options.js';
import {
  emptyTokensError,
  meetingTokens,
  type SocketTokens,
  webSocketUrl,
} from '../../src/meeting/tokens.js';
import { basicAuthorization } from '../../src/protocol/client-frames.js';
import { Secret } from '../../src/security/secret.js';
import { controlTokenBody, fakeFetch, TOKEN_A, TOKEN_B, WS_TOKEN } from '../auth/fake-fetch.js';
import { virtualClock } from './virtual-clock.js';

const CONF = '913570246';
const AUTH = 'X-Conference-Authorization';
/** TOKEN_A's expiry, ms after the virtual start: it is reused until 30 s before (70 000). */
const EXPIRY_MS = 100_000;
/** The `wsURL` of controlTokenBody, as decoded (its trailing `/` dropped, §9.14). */
const WS_URL = 'wss://198.51.100.27:443';
const WS_TOKEN_2 = 'cnr0000000000000000000000000000000000000000000000002';

type Answer = Parameters<typeof fakeFetch>[0][number];
const controlAnswer = (token: string, expireTime: number): Answer => ({
  status: 200,
  body: controlTokenBody(token, expireTime),
});
const wsAnswer = (webSocketToken: string): Answer => ({ status: 200, body: { webSocketToken } });

/** Lets the scripted fetch's promises settle (they resolve outside virtual time). */
const settle = () => setImmediate();

/** What an Observable did so far. */
function record<T>(source: Observable<T>) {
  const seen: { values: T[]; error: unknown; completed: boolean } = {
    values: [],
    error: undefined,
    completed: false,
  };
  const subscription = source.subscribe({
    next: (value) => seen.values.push(value),
    error: (error: unknown) => {
      seen.error = error;
    },
    complete: () => {
      seen.completed = true;
    },
  });
  return { seen, subscription };
}

/** SocketTokens with their Secrets revealed, for comparison. */
const revealed = (tokens: SocketTokens | undefined) =>
  tokens === undefined
    ? undefined
    : {
        wsURL: tokens.wsURL,
        confToken: tokens.confToken.reveal(),
        webSocketToken: tokens.webSocketToken.reveal(),
      };

function passwordFixture(...answers: Answer[]) {
  const { fetch, requests } = fakeFetch(answers);
  const { scheduler, advance } = virtualClock();
  const tokens = meetingTokens(
    resolveMeetingOptions({
      conferenceId: CONF,
      hostPassword: 'pw',
      baseUrl: 'http://127.0.0.1:9',
      fetch,
      scheduler,
    }),
  );
  /** Subscribes forSocket$, lets the calls answer, and returns what it did. */
  const forSocket = async () => {
    const { seen } = record(tokens.forSocket$);
    await settle();
    return seen;
  };
  const paths = () => requests.map((request) => new URL(request.url).pathname);
  return { tokens, requests, paths, advance, forSocket };
}

function providerFixture(getTokens: ConnectMeetingOptions['getTokens'], ...answers: Answer[]) {
  const { fetch, requests } = fakeFetch(answers);
  const { scheduler } = virtualClock();
  const tokens = meetingTokens(
    resolveMeetingOptions({ conferenceId: CONF, getTokens, baseUrl: 'http://127.0.0.1:9', fetch, scheduler }),
  );
  const forSocket = async () => {
    const { seen } = record(tokens.forSocket$);
    await settle();
    return seen;
  };
  return { tokens, requests, forSocket };
}

describe('meetingTokens with the host password', () => {
  it('makes the password call, then a wsToken call with that control token; holds the control token', async () => {
    const f = passwordFixture(controlAnswer(TOKEN_A, EXPIRY_MS), wsAnswer(WS_TOKEN));
    expect(f.tokens.held$.value).toBeUndefined();
    const seen = await f.forSocket();
    expect(seen.values.map(revealed)).toEqual([
      { wsURL: WS_URL, confToken: TOKEN_A, webSocketToken: WS_TOKEN },
    ]);
    expect(seen.completed).toBe(true);
    expect(f.paths()).toEqual([CONTROL_TOKEN_PATH, WEBSOCKET_TOKEN_PATH]);
    expect(f.requests[0]!.headers['X-Password']).toBe('pw');
    expect(f.requests[0]!.headers[AUTH]).toBeUndefined();
    expect(f.requests[1]!.headers[AUTH]).toBe(basicAuthorization(TOKEN_A));
    expect(f.tokens.held$.value?.token.reveal()).toBe(TOKEN_A);
  });

  it('reuses a held control token with more than 30 s of life: no password call, but a fresh wsToken', async () => {
    const f = passwordFixture(controlAnswer(TOKEN_A, EXPIRY_MS), wsAnswer(WS_TOKEN), wsAnswer(WS_TOKEN_2));
    await f.forSocket();
    f.advance(EXPIRY_MS - 30_001); // 30 001 ms of life left
    const second = await f.forSocket();
    expect(second.values.map(revealed)).toEqual([
      { wsURL: WS_URL, confToken: TOKEN_A, webSocketToken: WS_TOKEN_2 },
    ]);
    expect(f.paths()).toEqual([CONTROL_TOKEN_PATH, WEBSOCKET_TOKEN_PATH, WEBSOCKET_TOKEN_PATH]);
    expect(f.requests[2]!.headers[AUTH]).toBe(basicAuthorization(TOKEN_A));
  });

  it('does not reuse a held control token with 30 s of life or less: a new one is fetched', async () => {
    const f = passwordFixture(
      controlAnswer(TOKEN_A, EXPIRY_MS),
      wsAnswer(WS_TOKEN),
      controlAnswer(TOKEN_B, 1_900_000),
      wsAnswer(WS_TOKEN_2),
    );
    await f.forSocket();
    f.advance(EXPIRY_MS - 30_000);
    const second = await f.forSocket();
    expect(second.values.map(revealed)).toEqual([
      { wsURL: WS_URL, confToken: TOKEN_B, webSocketToken: WS_TOKEN_2 },
    ]);
    expect(f.paths()).toEqual([
      CONTROL_TOKEN_PATH,
      WEBSOCKET_TOKEN_PATH,
      CONTROL_TOKEN_PATH,
      WEBSOCKET_TOKEN_PATH,
    ]);
    expect(f.tokens.held$.value?.token.reveal()).toBe(TOKEN_B);
  });

  it('fetches a fresh wsToken for every socket (§3: single use)', async () => {
    const f = passwordFixture(controlAnswer(TOKEN_A, EXPIRY_MS), wsAnswer(WS_TOKEN), wsAnswer(WS_TOKEN_2));
    const first = await f.forSocket();
    const second = await f.forSocket();
    expect(first.values.map((t) => t.webSocketToken.reveal())).toEqual([WS_TOKEN]);
    expect(second.values.map((t) => t.webSocketToken.reveal())).toEqual([WS_TOKEN_2]);
    expect(f.paths().filter((path) => path === WEBSOCKET_TOKEN_PATH)).toHaveLength(2);
  });

  it('after drop(), makes the next forSocket$ start with the password call', async () => {
    const f = passwordFixture(
      controlAnswer(TOKEN_A, EXPIRY_MS),
      wsAnswer(WS_TOKEN),
      controlAnswer(TOKEN_B, 1_900_000),
      wsAnswer(WS_TOKEN_2),
    );
    await f.forSocket();
    f.tokens.drop();
    expect(f.tokens.held$.value).toBeUndefined();
    const second = await f.forSocket();
    expect(f.paths()).toEqual([
      CONTROL_TOKEN_PATH,
      WEBSOCKET_TOKEN_PATH,
      CONTROL_TOKEN_PATH,
      WEBSOCKET_TOKEN_PATH,
    ]);
    // The password call proper: no held token goes along.
    expect(f.requests[2]!.headers[AUTH]).toBeUndefined();
    expect(second.values.map(revealed)).toEqual([
      { wsURL: WS_URL, confToken: TOKEN_B, webSocketToken: WS_TOKEN_2 },
    ]);
    expect(f.tokens.held$.value?.token.reveal()).toBe(TOKEN_B);
  });

  it('renewals$ renews the held token into held$ and emits nothing (§2.4)', async () => {
    const f = passwordFixture(
      controlAnswer(TOKEN_A, EXPIRY_MS),
      wsAnswer(WS_TOKEN),
      controlAnswer(TOKEN_B, 1_900_000),
    );
    await f.forSocket();
    const { seen, subscription } = record(f.tokens.renewals$);
    // controlToken re-adopts the held token first.
    expect(f.tokens.held$.value?.token.reveal()).toBe(TOKEN_A);
    f.advance(79_999);
    await settle();
    expect(f.requests).toHaveLength(2);
    f.advance(1); // 80 % of the 100 s life
    await settle();
    expect(f.paths()).toEqual([CONTROL_TOKEN_PATH, WEBSOCKET_TOKEN_PATH, CONTROL_TOKEN_PATH]);
    expect(f.requests[2]!.headers[AUTH]).toBe(basicAuthorization(TOKEN_A));
    expect(seen.values).toEqual([]);
    expect(f.tokens.held$.value?.token.reveal()).toBe(TOKEN_B);
    expect(seen.completed).toBe(false);
    subscription.unsubscribe();
  });

  it('renewals$ is empty while no control token is held', async () => {
    const f = passwordFixture();
    const { seen } = record(f.tokens.renewals$);
    await settle();
    expect(seen).toEqual({ values: [], error: undefined, completed: true });
    expect(f.requests).toHaveLength(0);
  });

  it('fails forSocket$ with the failed call’s error', async () => {
    const f = passwordFixture({
      status: 400,
      body: { error_code: 'MMC.111072065', error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED' },
    });
    const seen = await f.forSocket();
    expect(seen.values).toEqual([]);
    expect(seen.error).toMatchObject({ code: 'REST_AUTH_FAILED', call: 'createConfToken' });
    expect(f.tokens.held$.value).toBeUndefined();
  });
});

describe('meetingTokens with a token provider', () => {
  const SUPPLIED_CONF_TOKEN = 'stb1111111111111111111111111111111111111111111111111';
  const SUPPLIED_WS_TOKEN = 'cnr1111111111111111111111111111111111111111111111111';

  it("emits the provider's tokens as Secrets and fetches nothing", async () => {
    const contexts: unknown[] = [];
    const f = providerFixture((context) => {
      contexts.push(context);
      return of({
        wsURL: 'wss://h/',
        confToken: SUPPLIED_CONF_TOKEN,
        webSocketToken: new Secret(SUPPLIED_WS_TOKEN),
      });
    });
    const seen = await f.forSocket();
    expect(seen.values.map(revealed)).toEqual([
      { wsURL: 'wss://h/', confToken: SUPPLIED_CONF_TOKEN, webSocketToken: SUPPLIED_WS_TOKEN },
    ]);
    expect(seen.values[0]!.confToken).toBeInstanceOf(Secret);
    expect(seen.completed).toBe(true);
    expect(contexts).toEqual([{ conferenceId: CONF }]);
    expect(f.requests).toHaveLength(0);
  });

  it('asks the provider again for every socket, and takes only its first value', async () => {
    let calls = 0;
    const f = providerFixture(() => {
      calls++;
      return of(
        { wsURL: 'wss://h/', confToken: SUPPLIED_CONF_TOKEN, webSocketToken: `cnr-${calls}` },
        { wsURL: 'wss://h/', confToken: SUPPLIED_CONF_TOKEN, webSocketToken: 'cnr-late' },
      );
    });
    const first = await f.forSocket();
    const second = await f.forSocket();
    expect(first.values.map((t) => t.webSocketToken.reveal())).toEqual(['cnr-1']);
    expect(second.values.map((t) => t.webSocketToken.reveal())).toEqual(['cnr-2']);
  });

  it('fetches the wsToken with the supplied control token when the provider gives none', async () => {
    const f = providerFixture(
      () => Promise.resolve({ wsURL: 'wss://h/', confToken: SUPPLIED_CONF_TOKEN }),
      wsAnswer(WS_TOKEN),
    );
    const seen = await f.forSocket();
    expect(seen.values.map(revealed)).toEqual([
      { wsURL: 'wss://h/', confToken: SUPPLIED_CONF_TOKEN, webSocketToken: WS_TOKEN },
    ]);
    expect(f.requests.map((request) => new URL(request.url).pathname)).toEqual([WEBSOCKET_TOKEN_PATH]);
    expect(f.requests[0]!.headers[AUTH]).toBe(basicAuthorization(SUPPLIED_CONF_TOKEN));
  });

  it('turns a provider error into TOKEN_PROVIDER_FAILED with the secrets in its message redacted', async () => {
    const f = providerFixture(() =>
      throwError(
        () => new Error(`backend said: wss://h/conn?confID=1&tmpToken=${SUPPLIED_WS_TOKEN} ${TOKEN_A}`),
      ),
    );
    const seen = await f.forSocket();
    expect(seen.values).toEqual([]);
    expect(seen.error).toMatchObject({ code: 'TOKEN_PROVIDER_FAILED' });
    const { message } = seen.error as { message: string };
    expect(message).toContain('getTokens failed: backend said');
    expect(message).not.toContain(SUPPLIED_WS_TOKEN);
    expect(message).not.toContain(TOKEN_A);
  });

  it('turns a rejected promise that is not an Error into TOKEN_PROVIDER_FAILED too', async () => {
    const f = providerFixture(() => Promise.reject(`no tokens for tmpToken=${SUPPLIED_WS_TOKEN}`));
    const seen = await f.forSocket();
    expect(seen.error).toMatchObject({ code: 'TOKEN_PROVIDER_FAILED' });
    expect((seen.error as { message: string }).message).toContain('getTokens failed: no tokens');
    expect((seen.error as { message: string }).message).not.toContain(SUPPLIED_WS_TOKEN);
  });

  it('keeps the code of a MeetingError the provider failed with, and redacts its message', async () => {
    const f = providerFixture(() =>
      throwError(() => ({ code: 'NETWORK', message: `proxy refused tmpToken=${SUPPLIED_WS_TOKEN}` })),
    );
    const seen = await f.forSocket();
    expect(seen.error).toMatchObject({ code: 'NETWORK', message: expect.stringContaining('proxy refused') });
    expect((seen.error as { message: string }).message).not.toContain(SUPPLIED_WS_TOKEN);
  });

  it('completes forSocket$ empty for a provider that gives nothing (the attempt fails it with emptyTokensError)', async () => {
    const f = providerFixture(() => EMPTY);
    const seen = await f.forSocket();
    expect(seen).toEqual({ values: [], error: undefined, completed: true });
    expect(emptyTokensError()).toEqual({
      code: 'TOKEN_PROVIDER_FAILED',
      message: 'getTokens completed without tokens',
    });
  });

  it('has an empty renewals$ and holds no control token', async () => {
    const f = providerFixture(() =>
      of({ wsURL: 'wss://h/', confToken: SUPPLIED_CONF_TOKEN, webSocketToken: 'cnr' }),
    );
    await f.forSocket();
    const { seen } = record(f.tokens.renewals$);
    expect(seen).toEqual({ values: [], error: undefined, completed: true });
    expect(f.tokens.held$.value).toBeUndefined();
  });
});

describe('webSocketUrl', () => {
  it('builds the §4 URL, dropping a trailing slash of wsURL (§9.14) and encoding the query', () => {
    expect(webSocketUrl('wss://198.51.100.27:443/', CONF, new Secret('cnr+/='))).toBe(
      `wss://198.51.100.27:443/cms/open/websocket/confctl/increment/conn?confID=${CONF}&tmpToken=cnr%2B%2F%3D`,
    );
  });
});
