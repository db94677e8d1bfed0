/**
 * The library as it behaves in a browser build: `node-runtime.ts` replaced by its browser twin (as
 * the `browser-redirect` plugin does at build time), here with `vi.mock`. Node 20 has no global
 * WebSocket, which stands for a browser-like runtime without one; a stubbed global stands for a
 * browser's own.
 */
import { firstValueFrom, of } from 'rxjs';
import { filter } from 'rxjs/operators';
import { describe, expect, it, vi } from 'vitest';
import { isMeetingError } from '../../src/errors.js';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { defaultWebSocketFactory } from '../../src/transport/default-websocket.js';
import * as browserTwin from '../../src/transport/node-runtime.browser.js';
import { trustingFetch, trustingWebSocket } from '../../src/transport/trusting-transport.js';
import type { CreateWebSocket } from '../../src/transport/websocket-like.js';

vi.mock('../../src/transport/node-runtime.js', () => import('../../src/transport/node-runtime.browser.js'));

const TLS = { ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' };
const TLS_MESSAGE =
  /^tls\.ca is only supported on Node\.js; in a browser the page's origin and the browser's trust store decide$/;

describe('browser twin of node-runtime.ts', () => {
  it('rejects both loaders with a plain MeetingError that says why', async () => {
    const socket = await browserTwin.loadNodeWebSocket(1024).catch((e: unknown) => e);
    expect(isMeetingError(socket)).toBe(true);
    expect(socket).toEqual({
      code: 'UNEXPECTED',
      message: expect.stringMatching(/no global WebSocket.*WebSocket option/),
    });

    const trusting = await browserTwin.loadNodeWebSocket(1024, TLS).catch((e: unknown) => e);
    expect(trusting).toEqual({ code: 'UNEXPECTED', message: expect.stringMatching(TLS_MESSAGE) });

    const fetch = await browserTwin.loadNodeHttpsFetch(TLS).catch((e: unknown) => e);
    expect(fetch).toEqual({ code: 'UNEXPECTED', message: expect.stringMatching(TLS_MESSAGE) });
  });

  it('never quotes the certificate it was given', async () => {
    const error = (await browserTwin.loadNodeHttpsFetch(TLS).catch((e: unknown) => e)) as { message: string };
    expect(error.message).not.toContain('MIIB');
  });
});

describe('library in a browser build', () => {
  it('refuses tls when the client is created, instead of failing every attempt', () => {
    expect(() => trustingFetch(TLS)).toThrow(TypeError);
    expect(() => trustingWebSocket(TLS, 1024)).toThrow(
      /connectMeeting: tls\.ca is only supported on Node\.js/,
    );
    expect(() =>
      connectMeeting({
        conferenceId: '913570246',
        getTokens: () => of({ wsURL: 'wss://x', confToken: 't' }),
        tls: TLS,
      }),
    ).toThrow(/connectMeeting: tls\.ca is only supported on Node\.js/);
  });

  it('with a global WebSocket, the default socket is that one, at once (no ws)', () => {
    const opened: string[] = [];
    class PlatformWebSocket {
      constructor(url: string) {
        opened.push(url);
      }
    }
    vi.stubGlobal('WebSocket', PlatformWebSocket);
    try {
      const create = defaultWebSocketFactory(1024);
      // A function, not a promise: nothing is imported on this path.
      expect(typeof create).toBe('function');
      expect((create as CreateWebSocket)('wss://meeting.invalid/ws')).toBeInstanceOf(PlatformWebSocket);
      expect(opened).toEqual(['wss://meeting.invalid/ws']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('without a global WebSocket, reports the reason instead of loading ws', async () => {
    expect((globalThis as { WebSocket?: unknown }).WebSocket).toBeUndefined();
    await expect(defaultWebSocketFactory(1024)).rejects.toMatchObject({
      code: 'UNEXPECTED',
      message: expect.stringContaining('pass one with the WebSocket option'),
    });

    const meeting = connectMeeting({
      conferenceId: '913570246',
      getTokens: () => of({ wsURL: 'wss://meeting.invalid', confToken: 'c', webSocketToken: 'w' }),
      reconnect: { maxAttempts: 0 },
    });
    try {
      const subscription = meeting.participants$.subscribe({ error: () => {} });
      const closed = await firstValueFrom(meeting.status$.pipe(filter((s) => s.phase === 'closed')));
      subscription.unsubscribe();
      expect(closed.lastError).toEqual({
        code: 'UNEXPECTED',
        message: expect.stringContaining('no global WebSocket'),
      });
    } finally {
      meeting.close();
    }
  });
});
