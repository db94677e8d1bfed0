import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createManualClock, startSimulator } from '../../src/simulator/index.js';
import { connect, controlToken, useSimulators, WS_PATH, wsToken } from './helpers.js';

const start = useSimulators();

/** The HTTP status of an upgrade the server refuses. */
const refusedStatus = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('upgrade accepted')));
    ws.on('error', () => {});
  });

describe('startSimulator', () => {
  it('refuses a non-loopback host', async () => {
    await expect(startSimulator({ host: '0.0.0.0', script: false })).rejects.toThrow(/loopback/);
  });
});

describe('WebSocket handshake (§4)', () => {
  it('answers HTTP 404 for an unknown path and 400 for missing parameters', async () => {
    const s = await start();
    expect(await refusedStatus(`${s.wsUrl}/cms/other?confID=1&tmpToken=x`)).toBe(404);
    expect(await refusedStatus(`${s.wsUrl}${WS_PATH}?confID=${s.conferenceId}`)).toBe(400);
    expect(await refusedStatus(`${s.wsUrl}${WS_PATH}?tmpToken=abc`)).toBe(400);
  });

  it('accepts a fresh wsToken and keeps the socket open', async () => {
    const s = await start();
    const client = connect(s.wsUrl, s.conferenceId, await wsToken(s, (await controlToken(s)).token));
    await client.opened;
    expect(s.connections()).toBe(1);
    client.ws.close();
    await client.closed;
  });

  it('closes a reused tmpToken with 4001 "auth failed"', async () => {
    const s = await start();
    const tmp = await wsToken(s, (await controlToken(s)).token);
    const first = connect(s.wsUrl, s.conferenceId, tmp);
    await first.opened;
    const second = connect(s.wsUrl, s.conferenceId, tmp);
    const started = Date.now();
    expect(await second.closed).toEqual({ code: 4001, reason: 'auth failed' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s.connections()).toBe(1);
  });

  it('closes an expired tmpToken (61 s later) with 4001', async () => {
    const clock = createManualClock();
    const s = await start({ clock });
    const tmp = await wsToken(s, (await controlToken(s)).token);
    clock.advance(61_000);
    expect(await connect(s.wsUrl, s.conferenceId, tmp).closed).toEqual({ code: 4001, reason: 'auth failed' });
  });

  it('closes an unknown token or a token of another conference with 4001', async () => {
    const s = await start({ meetings: 2 });
    expect((await connect(s.wsUrl, s.conferenceId, `cnr${'1'.repeat(48)}`).closed).code).toBe(4001);
    const tmp = await wsToken(s, (await controlToken(s)).token);
    expect((await connect(s.wsUrl, s.meetings[1]!.conferenceId, tmp).closed).code).toBe(4001);
  });

  it("accepts the control call's tmpWsToken exactly once (§9.13)", async () => {
    const s = await start();
    const { tmpWsToken } = await controlToken(s);
    const first = connect(s.wsUrl, s.conferenceId, tmpWsToken);
    await first.opened;
    await new Promise((r) => setTimeout(r, 150));
    expect(first.ws.readyState).toBe(WebSocket.OPEN);
    expect((await connect(s.wsUrl, s.conferenceId, tmpWsToken).closed).code).toBe(4001);
  });

  it('closes with 4004 "conference ended" once the meeting is over', async () => {
    const s = await start();
    const tmp = await wsToken(s, (await controlToken(s)).token);
    s.end();
    expect(await connect(s.wsUrl, s.conferenceId, tmp).closed).toEqual({
      code: 4004,
      reason: 'conference ended',
    });
  });
});
