import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createManualClock, type Simulator } from '../../src/simulator/index.js';
import {
  connect,
  controlToken,
  get,
  seq,
  settle,
  subscribedClient,
  TOKEN_PATH,
  useSimulators,
  wsToken,
} from './helpers.js';

const start = useSimulators();
const tokenCall = (s: Simulator) =>
  get(s, TOKEN_PATH, { conferenceID: s.conferenceId }, { 'X-Password': s.hostPassword, 'X-Login-Type': '1' });

/** Three updates to one participant; returns the versions and msgIDs as the client saw them. */
const incrementalRun = async (s: Simulator, inject: () => void) => {
  const { client } = await subscribedClient(s, ['ParticipantsNotify']);
  const pid = [...s.participants().keys()][1]!;
  s.update(pid, { HAND: '1' });
  inject();
  s.update(pid, { HAND: '0' });
  s.update(pid, { MUTE: '1' });
  s.update(pid, { MUTE: '0' });
  await settle(60);
  const pushed = client.frames().filter((f) => f['msgMode'] === 1);
  return { versions: pushed.map((f) => f['version']), ids: pushed.map((f) => f['msgID']), pushed };
};

describe('faults (Appendix A)', () => {
  it('dropConnections terminates sockets without a close frame', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, []);
    s.faults.dropConnections();
    expect((await client.closed).code).toBe(1006);
  });

  it('stopHeartbeatEcho stops and resumes the echo', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, []);
    s.faults.stopHeartbeatEcho();
    client.send({ action: 'HeartBeat', sequence: seq(1) });
    await settle(60);
    expect(client.texts).toHaveLength(1);
    s.faults.stopHeartbeatEcho(false);
    client.send({ action: 'HeartBeat', sequence: seq(2) });
    expect((await client.waitFor((f) => f['action'] === 'HeartBeat'))['sequence']).toBe(seq(2));
  });

  it('sendMalformedFrame sends non-JSON text and keeps the socket open', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, []);
    s.faults.sendMalformedFrame();
    await client.waitForCount(2);
    expect(() => JSON.parse(client.texts[1]!)).toThrow();
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('sendUnknownAction pushes an undocumented type (default CustomMultiPicNotify) even unsubscribed', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, []);
    s.faults.sendUnknownAction();
    s.faults.sendUnknownAction('NetworkQualityNotify');
    await client.waitForCount(3);
    const [custom, quality] = client.frames().slice(1);
    expect(custom).toMatchObject({ action: 'CustomMultiPicNotify', confID: s.conferenceId, msgMode: 0 });
    expect(quality?.['action']).toBe('NetworkQualityNotify');
  });

  it('duplicateNextIncremental repeats one message with the same version and msgID', async () => {
    const s = await start();
    const { versions, ids } = await incrementalRun(s, () => s.faults.duplicateNextIncremental());
    expect(versions).toEqual([1, 2, 2, 3, 4]);
    expect(ids[1]).toBe(ids[2]);
  });

  it('skipNextVersion makes the next version jump by 2', async () => {
    const s = await start();
    expect((await incrementalRun(s, () => s.faults.skipNextVersion())).versions).toEqual([1, 3, 4, 5]);
  });

  it('reorderNextIncrementals swaps the next two messages', async () => {
    const s = await start();
    const { versions, pushed } = await incrementalRun(s, () => s.faults.reorderNextIncrementals());
    expect(versions).toEqual([1, 3, 2, 4]);
    expect(pushed[1]?.['data'][0].pinfoMap).toEqual({ MUTE: '1' });
  });

  it('a second reorder while a message is held loses nothing: every version arrives once', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, ['ParticipantsNotify']);
    const pid = [...s.participants().keys()][1]!;
    s.faults.reorderNextIncrementals();
    s.update(pid, { HAND: '1' }); // held back
    s.faults.reorderNextIncrementals();
    s.update(pid, { HAND: '0' });
    s.update(pid, { MUTE: '1' });
    await settle(60);
    const versions = client
      .frames()
      .filter((f) => f['msgMode'] === 1)
      .map((f) => f['version'] as number);
    expect([...versions].sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });

  it('failRest answers the next N calls with 500 MMC.111070003 / CONF_EXCEPTION', async () => {
    const s = await start();
    s.faults.failRest(2);
    for (let i = 0; i < 2; i++) {
      const answer = await tokenCall(s);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error_code: 'MMC.111070003', error_msg: 'CONF_EXCEPTION' });
    }
    expect((await tokenCall(s)).status).toBe(200);
    s.faults.failRest(1, 503);
    expect((await tokenCall(s)).status).toBe(503);
  });

  it('delayRest holds answers for the given clock time', async () => {
    const clock = createManualClock();
    const s = await start({ clock });
    s.faults.delayRest(5_000);
    let done = false;
    const pending = tokenCall(s).then((answer) => {
      done = true;
      return answer;
    });
    await settle(60);
    expect(done).toBe(false);
    clock.advance(5_000);
    expect((await pending).status).toBe(200);
  });

  it('delayFrames holds outgoing frames, keeping their order', async () => {
    const clock = createManualClock();
    const s = await start({ clock });
    const { client } = await subscribedClient(s, []);
    s.faults.delayFrames(2_000);
    client.send({ action: 'HeartBeat', sequence: seq(1) });
    await settle(40);
    s.faults.sendMalformedFrame();
    client.send({ action: 'HeartBeat', sequence: seq(2) });
    await settle(60);
    expect(client.texts).toHaveLength(1);
    clock.advance(2_000);
    await client.waitForCount(4);
    expect(
      client
        .frames()
        .slice(1)
        .map((f) => f['sequence'] ?? 'malformed'),
    ).toEqual([seq(1), 'malformed', seq(2)]);
  });

  it('expireTokenOnSocket closes with 4003 at the control token expiry, or at once when already due', async () => {
    const clock = createManualClock();
    const s = await start({ clock, controlTokenTtlMs: 100_000, heartbeatTimeoutMs: 10_000_000 });
    const { client } = await subscribedClient(s, []);
    s.faults.expireTokenOnSocket();
    clock.advance(99_000);
    await settle();
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    clock.advance(1_000);
    expect(await client.closed).toEqual({ code: 4003, reason: 'token expired' });
    await s.close();

    const later = await start({ clock, controlTokenTtlMs: 100_000, heartbeatTimeoutMs: 10_000_000 });
    const late = (await subscribedClient(later, [])).client;
    clock.advance(150_000);
    await settle();
    expect(late.ws.readyState).toBe(WebSocket.OPEN); // without the fault, expiry does not close (§8)
    later.faults.expireTokenOnSocket();
    expect((await late.closed).code).toBe(4003);
  });

  it('rejectNextUpgrade closes the next upgrade with 4001 and consumes its token', async () => {
    const s = await start();
    const { token } = await controlToken(s);
    s.faults.rejectNextUpgrade();
    const tmp = await wsToken(s, token);
    expect((await connect(s.wsUrl, s.conferenceId, tmp).closed).code).toBe(4001);
    expect((await connect(s.wsUrl, s.conferenceId, tmp).closed).code).toBe(4001);
    const next = connect(s.wsUrl, s.conferenceId, await wsToken(s, token));
    await next.opened;
    expect(s.connections()).toBe(1);
  });
});
