/**
 * Test helpers: a plain `ws` client and fetch calls against a running simulator over loopback.
 */
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { DOCUMENTED_NOTIFY_TYPES } from '../../src/protocol/notify-types.js';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';

export const TOKEN_PATH = '/v1/mmc/control/conferences/token';
export const WS_TOKEN_PATH = '/v1/mmc/control/conferences/wsToken';
export const REALTIME_PATH = '/v1/mmc/control/conferences/realTimeInfo';
export const WS_PATH = '/cms/open/websocket/confctl/increment/conn';

/** Every documented push type, for a client that subscribes to everything. */
export const ALL_TYPES: readonly string[] = DOCUMENTED_NOTIFY_TYPES;

/**
 * Registers an `afterEach` that closes every simulator the returned `start` opened in the test;
 * call once at the top of a test file. `start` merges its options over `defaults`, which leave the
 * meeting unscripted so the test alone drives it.
 */
export function useSimulators(
  defaults: SimulatorOptions = { script: false },
): (options?: SimulatorOptions) => Promise<Simulator> {
  const started: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.close()));
  });
  return async (options = {}) => {
    const sim = await startSimulator({ ...defaults, ...options });
    started.push(sim);
    return sim;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test frames are inspected loosely
export type Frame = Record<string, any>;

export interface RestAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: Frame;
}

export async function get(
  sim: { baseUrl: string },
  path: string,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<RestAnswer> {
  const url = new URL(path, sim.baseUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text === '' ? {} : JSON.parse(text) };
}

/** The §2 call with the meeting's host password; returns the TokenInfo `data`. */
export async function controlToken(
  sim: Simulator,
  conferenceId = sim.conferenceId,
  password = sim.hostPassword,
) {
  const answer = await get(
    sim,
    TOKEN_PATH,
    { conferenceID: conferenceId },
    { 'X-Password': password, 'X-Login-Type': '1' },
  );
  if (answer.status !== 200) throw new Error(`token call failed: ${answer.status} ${answer.text}`);
  return answer.body['data'] as { token: string; tmpWsToken: string; wsURL: string; expireTime: number };
}

export async function wsToken(
  sim: Simulator,
  token: string,
  conferenceId = sim.conferenceId,
): Promise<string> {
  const answer = await get(
    sim,
    WS_TOKEN_PATH,
    { conferenceID: conferenceId },
    { 'X-Conference-Authorization': token },
  );
  if (answer.status !== 200) throw new Error(`wsToken call failed: ${answer.status} ${answer.text}`);
  return answer.body['webSocketToken'] as string;
}

export const basic = (token: string): string => `Basic ${Buffer.from(token).toString('base64')}`;

export interface TestClient {
  readonly ws: WebSocket;
  readonly texts: string[];
  frames(): Frame[];
  send(frame: unknown): void;
  /** Resolves with the first received frame (from index `from`) matching `predicate`. */
  waitFor(predicate: (frame: Frame) => boolean, from?: number): Promise<Frame>;
  waitForCount(count: number): Promise<void>;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
}

export function connect(wsUrl: string, confID: string, tmpToken: string): TestClient {
  const url = `${wsUrl}${WS_PATH}?confID=${encodeURIComponent(confID)}&tmpToken=${encodeURIComponent(tmpToken)}`;
  const ws = new WebSocket(url);
  const texts: string[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    texts.push(data.toString());
    for (const w of [...waiters]) w();
  });
  ws.on('error', () => {});
  const parse = (t: string): Frame => {
    try {
      return JSON.parse(t);
    } catch {
      return { unparsable: t };
    }
  };
  const until = (check: () => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(run);
        reject(new Error(`timed out waiting for ${what}; got ${texts.length} frames`));
      }, 3000);
      const run = (): void => {
        if (check()) {
          clearTimeout(timer);
          waiters.delete(run);
          resolve();
        }
      };
      waiters.add(run);
      run();
    });
  return {
    ws,
    texts,
    frames: () => texts.map(parse),
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    async waitFor(predicate, from = 0) {
      let found: Frame | undefined;
      await until(() => {
        found = texts.slice(from).map(parse).find(predicate);
        return found !== undefined;
      }, 'a matching frame');
      return found!;
    },
    waitForCount: (count) => until(() => texts.length >= count, `${count} frames`),
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    }),
    closed: new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
  };
}

export const seq = (n: number): string => String(n).padStart(30, '0');

/** Full flow: control token → wsToken → connect → Subscribe; resolves after the reply. */
export async function subscribedClient(
  sim: Simulator,
  types: readonly string[] = ALL_TYPES,
  conferenceId = sim.conferenceId,
  password = sim.hostPassword,
): Promise<{ client: TestClient; token: string }> {
  const { token } = await controlToken(sim, conferenceId, password);
  const client = connect(sim.wsUrl, conferenceId, await wsToken(sim, token, conferenceId));
  await client.opened;
  client.send({
    action: 'Subscribe',
    sequence: seq(1),
    data: JSON.stringify({ conferenceID: conferenceId, subscribeType: types, confToken: basic(token) }),
  });
  await client.waitFor((f) => f['action'] === 'Subscribe');
  return { client, token };
}

/** Lets pending socket I/O settle (real time, short). */
export const settle = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));
