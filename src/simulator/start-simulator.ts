/**
 * {@link startSimulator}: resolves the options once, builds the meetings, listens on one loopback
 * port and wires REST, WebSocket and the scripts together.
 */
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createRealClock } from './clock.js';
import { createMeetingState } from './meeting-state.js';
import { createPrng, deriveSeed } from './prng.js';
import { startScript } from './script.js';
import { makeSelfSignedCertificate } from './self-signed.js';
import { handleHttpRequest, handleUpgrade, type RouterContext } from './server.js';
import { createMeetingRuntime, type MeetingRuntime } from './simulated-meeting.js';
import { CLOSE } from './socket-session.js';
import { createTokenStore } from './tokens.js';
import type { Simulator, SimulatorOptions } from './types.js';

/** How long {@link Simulator.close} waits (wall clock) for clients to answer the close handshake. */
const CLOSE_GRACE_MS = 500;

/** Salts that give each meeting independent random streams from one seed. */
const STREAM = { state: 1, ids: 2, script: 3 } as const;

/**
 * Starts a local simulator of Huawei Cloud Meeting's conference-control service (PROTOCOL.md,
 * Appendix A): REST token calls, the WebSocket push and scripted meetings.
 *
 * The one addition to the documented service: REST answers carry CORS headers
 * (`Access-Control-Allow-Origin: *`) and OPTIONS preflights are answered, so a browser page can
 * call it.
 *
 * @example
 * ```ts
 * import { startSimulator } from 'huawei-meeting-rx/simulator';
 *
 * const sim = await startSimulator({ seed: 7 });
 * console.log(sim.baseUrl, sim.conferenceId); // the host password is sim.hostPassword
 * // … point a client at sim.baseUrl …
 * await sim.close();
 * ```
 * @category Simulator
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new RangeError(`the simulator listens on loopback only, not on "${host}"`);
  const seed = options.seed ?? 1;
  const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
  const clock = options.clock ?? createRealClock();
  const meetingCount = Math.max(1, Math.floor(options.meetings ?? 1));
  const initialParticipants = Math.max(1, Math.floor(options.initialParticipants ?? 6));
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 180_000;
  const controlTokenTtlMs = options.controlTokenTtlMs ?? 1_800_000;
  const tokens = createTokenStore({
    now: () => clock.now(),
    controlTokenTtlMs,
    wsTokenTtlMs: options.wsTokenTtlMs ?? 60_000,
  });

  const runtimes: MeetingRuntime[] = [];
  const byConferenceId = new Map<string, MeetingRuntime>();
  for (let index = 0; index < meetingCount; index++) {
    const prng = createPrng(deriveSeed(seed, index, STREAM.state));
    let state = createMeetingState({ prng, now: clock.now(), initialParticipants });
    // Conference IDs must differ between meetings; redraw on the rare collision.
    while (byConferenceId.has(state.conferenceId))
      state = createMeetingState({ prng, now: clock.now(), initialParticipants });
    const runtime = createMeetingRuntime({
      state,
      prng,
      idPrng: createPrng(deriveSeed(seed, index, STREAM.ids)),
      clock,
      heartbeatTimeoutMs,
      tokens,
    });
    runtimes.push(runtime);
    byConferenceId.set(state.conferenceId, runtime);
  }

  // TLS mode (issue 6): a certificate made now, so a client's `tls.ca` option is tested for real.
  const certificate = options.tls === true ? await makeSelfSignedCertificate(host) : undefined;
  const server = certificate === undefined ? createServer() : createTlsServer(certificate);
  const wss = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const secure = certificate === undefined ? '' : 's';
  const baseUrl = `http${secure}://${hostInUrl}:${port}`;
  const wsUrl = `ws${secure}://${hostInUrl}:${port}`;

  const ctx: RouterContext = {
    meeting: (conferenceId) => byConferenceId.get(conferenceId),
    tokens,
    wsUrl,
    baseUrl,
    controlTokenTtlMs,
    clock,
    wss,
  };
  server.on('request', (req, res) => handleHttpRequest(req, res, ctx));
  server.on('upgrade', (req, socket, head) => handleUpgrade(req, socket, head, ctx));

  if (options.script !== false) {
    runtimes.forEach((runtime, index) => {
      startScript(runtime, { prng: createPrng(deriveSeed(seed, index, STREAM.script)), clock, speed });
    });
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const runtime of runtimes) runtime.shutdown();
      for (const ws of wss.clients) ws.close(CLOSE.bye.code, CLOSE.bye.reason);
      await waitForClients(wss);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };

  const first = runtimes[0]!.controls;
  return {
    ...first,
    baseUrl,
    wsUrl,
    ...(certificate === undefined ? {} : { certificate: certificate.cert }),
    meetings: runtimes.map((r) => r.controls),
    close,
  };
}

/** 127.0.0.0/8, ::1 or localhost: the simulator is a test double and never faces a network. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Resolves once every client socket is closed, or after {@link CLOSE_GRACE_MS}. */
function waitForClients(wss: WebSocketServer): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + CLOSE_GRACE_MS;
    const poll = (): void => {
      if (wss.clients.size === 0 || Date.now() >= deadline) resolve();
      else setTimeout(poll, 10);
    };
    poll();
  });
}
