/**
 * TLS (issue 6 §5): the simulator serves HTTPS/WSS with a self-signed certificate made at start;
 * the client verifies certificates by default and trusts an extra CA only when told to.
 */
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { makeSelfSignedCertificate } from '../../src/simulator/self-signed.js';
import { createNodeHttpsFetch } from '../../src/transport/node-https-fetch.js';
import { createNodeWebSocket } from '../../src/transport/node-websocket.js';
import { trustingWebSocket } from '../../src/transport/trusting-transport.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ tls: true, script: false, seed: 3 });
});
afterAll(async () => {
  await sim.close();
});

const fast = { heartbeatIntervalMs: 1000, idleGraceMs: 10, reconnect: { maxAttempts: 0 } } as const;

function finalStatus(meeting: ReturnType<typeof connectMeeting>): Promise<MeetingStatus> {
  return firstValueFrom(
    meeting.status$.pipe(
      filter((s) => s.phase === 'closed' || s.phase === 'ended'),
      take(1),
      timeout(5000),
    ),
  );
}

/** Resolves with the close code, or 'open' if the handshake succeeded. */
function tryWebSocket(create: (url: string) => { onopen: unknown; onclose: unknown; close(): void }) {
  return new Promise<number | 'open'>((resolve) => {
    const socket = create(`${sim.wsUrl}/cms/open/websocket/confctl/increment/conn?confID=1&tmpToken=x`) as {
      onopen: () => void;
      onclose: (e: { code: number }) => void;
      onerror: () => void;
      close(): void;
    };
    socket.onerror = () => undefined;
    socket.onopen = () => {
      socket.close();
      resolve('open');
    };
    socket.onclose = (event) => resolve(event.code);
  });
}

describe('TLS', () => {
  it('serves https and wss with a certificate it exposes', () => {
    expect(sim.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.wsUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.certificate).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('refuses the self-signed server by default, with a typed certificate error', async () => {
    const meeting = connectMeeting({
      conferenceId: sim.conferenceId,
      hostPassword: sim.hostPassword,
      baseUrl: sim.baseUrl,
      ...fast,
    });
    const done = finalStatus(meeting);
    const sub = meeting.participants$.subscribe();
    const status = await done;
    sub.unsubscribe();
    expect(status.phase).toBe('closed');
    expect(status.lastError?.code).toBe('NETWORK');
    expect(status.lastError?.message).toMatch(/TLS certificate rejected: \w*(SELF_SIGNED|CERT)\w*/);
    expect(sim.connections()).toBe(0);
  });

  it('goes live over https and wss when given the simulator certificate as ca', async () => {
    const meeting = connectMeeting({
      conferenceId: sim.conferenceId,
      hostPassword: sim.hostPassword,
      baseUrl: sim.baseUrl,
      tls: { ca: sim.certificate ?? '' },
      ...fast,
    });
    const snapshot = await firstValueFrom(meeting.participants$.pipe(take(1), timeout(5000)));
    expect(snapshot.msgMode).toBe(0);
    expect(snapshot.data.map((p) => p.pid).sort()).toEqual([...sim.participants().keys()].sort());
    expect(sim.connections()).toBe(1);
    meeting.close();
    await expect.poll(() => sim.connections()).toBe(0);
  });

  it('still refuses the server when the extra CA is a different one', async () => {
    const other = await makeSelfSignedCertificate('127.0.0.1');
    const fetch = createNodeHttpsFetch({ ca: other.cert });
    const failure = await fetch(`${sim.baseUrl}/v1/mmc/control/conferences/token`, {
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    }).then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );
    expect(failure).toMatch(/SELF_SIGNED|CERT/);
    expect(await tryWebSocket(createNodeWebSocket(1 << 20, { ca: other.cert }))).toBe(1006);
  });

  it('opens wss with the right CA and refuses it without', async () => {
    expect(await tryWebSocket(createNodeWebSocket(1 << 20))).toBe(1006);
    // The handshake opens (the server then closes 4001 for the made-up token; 'open' comes first).
    expect(await tryWebSocket(createNodeWebSocket(1 << 20, { ca: sim.certificate ?? '' }))).toBe('open');
  });

  it('a trusting socket closed before ws is loaded never connects', async () => {
    const Socket = trustingWebSocket({ ca: sim.certificate ?? '' }, 1 << 20);
    const before = sim.connections();
    const socket = new Socket(`${sim.wsUrl}/cms/open/websocket/confctl/increment/conn?confID=1&tmpToken=x`);
    let opened = false;
    socket.onopen = () => {
      opened = true;
    };
    expect(socket.readyState).toBe(0);
    socket.close(1000, 'client closed');
    expect(socket.readyState).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(opened).toBe(false);
    expect(sim.connections()).toBe(before);
  });

  it('says why a wss handshake failed: the close reason names the certificate error', async () => {
    const socket = createNodeWebSocket(1 << 20)(
      `${sim.wsUrl}/cms/open/websocket/confctl/increment/conn?confID=1&tmpToken=cnr0123456789abcdef`,
    );
    const event = await new Promise<{ code: number; reason: string }>((resolve) => {
      socket.onclose = resolve;
    });
    expect(event.code).toBe(1006);
    expect(event.reason).toMatch(/^TLS certificate rejected: \w+$/);
    expect(event.reason).not.toContain('cnr0123456789abcdef');
  });
});
