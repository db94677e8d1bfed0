import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createManualClock } from '../../src/simulator/index.js';
import { connect, controlToken, seq, settle, subscribedClient, useSimulators, wsToken } from './helpers.js';

const start = useSimulators();

describe('HeartBeat (§6.2, §7)', () => {
  it('echoes each HeartBeat with the same sequence', async () => {
    const sim = await start();
    const { client } = await subscribedClient(sim, []);
    for (const n of [1767258061234, 1767258121234]) {
      const from = client.texts.length;
      client.send({ action: 'HeartBeat', sequence: seq(n) });
      await client.waitFor((f) => f['action'] === 'HeartBeat', from);
      expect(client.texts[from]).toBe(`{"action":"HeartBeat","sequence":"${seq(n)}"}`);
    }
  });

  it('closes a silent socket with 4000 "heartbeat timeout" exactly at the timeout (timer starts at upgrade)', async () => {
    const clock = createManualClock();
    const sim = await start({ clock });
    const client = connect(sim.wsUrl, sim.conferenceId, await wsToken(sim, (await controlToken(sim)).token));
    await client.opened;
    clock.advance(179_999);
    await settle();
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    clock.advance(1);
    expect(await client.closed).toEqual({ code: 4000, reason: 'heartbeat timeout' });
  });

  it('honours a configured heartbeatTimeoutMs on the real clock', async () => {
    const sim = await start({ heartbeatTimeoutMs: 80 });
    const { client } = await subscribedClient(sim, []);
    expect((await client.closed).code).toBe(4000);
  });

  it('keeps the socket open while HeartBeats arrive, and only HeartBeats reset the timer', async () => {
    const clock = createManualClock();
    const sim = await start({ clock });
    const { client, token } = await subscribedClient(sim, []);
    for (let i = 0; i < 3; i++) {
      clock.advance(170_000);
      const from = client.texts.length;
      client.send({ action: 'HeartBeat', sequence: seq(i) });
      await client.waitFor((f) => f['action'] === 'HeartBeat', from);
    }
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    // A Subscribe is not a heartbeat (§7): 170 s + 10 s later the socket still times out.
    clock.advance(170_000);
    const from = client.texts.length;
    client.send({
      action: 'Subscribe',
      sequence: seq(9),
      data: JSON.stringify({ subscribeType: [], confToken: token }),
    });
    await client.waitFor((f) => f['action'] === 'Subscribe', from);
    clock.advance(10_000);
    expect((await client.closed).code).toBe(4000);
  });
});
