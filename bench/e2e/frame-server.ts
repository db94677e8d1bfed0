/**
 * A lean loopback server for the end-to-end benchmarks: just enough of the protocol for a client to
 * go live, and a sender that costs almost nothing.
 *
 * - REST: `GET …/conferences/token` (§2.2 shape) and `GET …/conferences/wsToken` (§3 flat shape) for
 *   any conference ID and password; every call mints fresh tokens.
 * - WebSocket: the §4 path; any `tmpToken` is accepted (this is a bench, not the simulator).
 * - Subscribe → the §6.1 reply (with the `"returnDesc "` key), then a small full snapshot (§5.1).
 * - HeartBeat → echo with the same `sequence` (§6.2).
 * - Pushes: pre-built frame bytes (see frames.ts) written straight to the TCP socket, either as fast
 *   as it drains (`burst`) or at a fixed rate with a send stamp in each msgID (`paced`).
 *
 * One server hosts any number of conferences; a conference exists once something refers to it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  buildFrameSet,
  FrameCursor,
  type FrameSet,
  nowStamp,
  snapshotBytes,
  verifyFrameSet,
} from './frames.js';

const TOKEN_PATH = '/v1/mmc/control/conferences/token';
const WS_TOKEN_PATH = '/v1/mmc/control/conferences/wsToken';
const WS_PATH = '/cms/open/websocket/confctl/increment/conn';
/** Bytes per socket write in a burst: big enough to amortise the syscall, small enough to interleave. */
const BURST_CHUNK_BYTES = 64 * 1024;

/** Options of {@link startFrameServer}. */
export interface FrameServerOptions {
  /** Send the small full snapshot after each Subscribe. @defaultValue true */
  readonly snapshot?: boolean;
}

/** Result of a push to every subscriber of one conference. */
export interface PushResult {
  /** Frames written per subscriber. */
  readonly frames: number;
  /** Payload and header bytes written per subscriber. */
  readonly bytes: number;
  /** Wall time of the push, ms. */
  readonly ms: number;
  /** How many subscribers got it. */
  readonly subscribers: number;
}

/** Counters the server keeps. */
export interface FrameServerStats {
  readonly restCalls: number;
  readonly upgrades: number;
  readonly subscribes: number;
  readonly heartbeats: number;
  readonly openSockets: number;
}

/** A running bench server. */
export interface FrameServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>`: the REST base URL. */
  readonly baseUrl: string;
  /** `ws://127.0.0.1:<port>`: what the token call returns as `wsURL`. */
  readonly wsUrl: string;
  /** Resolves once `count` sockets of the conference have subscribed. */
  waitSubscribed(confID: string, count?: number): Promise<void>;
  /** Writes `count` frames of the mix to every subscriber of `confID`, as fast as each socket drains. */
  burst(confID: string, count: number): Promise<PushResult>;
  /**
   * Writes `count` frames at `perSecond` to every subscriber of each conference in `confIDs`, each
   * frame stamped with its write time; the sockets take turns, evenly spaced within each period.
   */
  paced(confIDs: readonly string[], count: number, perSecond: number): Promise<PushResult>;
  stats(): FrameServerStats;
  close(): Promise<void>;
}

interface Subscriber {
  readonly ws: WebSocket;
  readonly socket: Socket;
  /** Created on the first push: idle conferences of the scale run never build a frame set. */
  cursor?: FrameCursor;
}

interface Conference {
  readonly subscribers: Set<Subscriber>;
  readonly waiters: Array<() => void>;
}

/** The TCP socket under a ws connection; ws keeps it private, and writing to it skips re-framing. */
function rawSocketOf(ws: WebSocket): Socket {
  return (ws as unknown as { _socket: Socket })._socket;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ns` nanoseconds (if positive): a wait finer than a timer's millisecond. */
function sleepNs(ns: number): void {
  if (ns > 0) Atomics.wait(sleepCell, 0, 0, ns / 1e6);
}

function mintToken(prefix: 'stb' | 'cnr'): string {
  return prefix + randomBytes(24).toString('hex');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Starts the bench server on 127.0.0.1 and a free port.
 * @example
 * const server = await startFrameServer();
 * // point a client at server.baseUrl, then:
 * await server.waitSubscribed('913570246');
 * const r = await server.burst('913570246', 100_000);
 */
export async function startFrameServer(options: FrameServerOptions = {}): Promise<FrameServer> {
  const sendSnapshot = options.snapshot ?? true;
  const conferences = new Map<string, Conference>();
  const frameSets = new Map<string, FrameSet>();
  const counters = { restCalls: 0, upgrades: 0, subscribes: 0, heartbeats: 0, openSockets: 0 };
  let wsUrl = '';

  const conference = (confID: string): Conference => {
    let c = conferences.get(confID);
    if (!c) {
      c = { subscribers: new Set(), waiters: [] };
      conferences.set(confID, c);
    }
    return c;
  };
  const frameSet = (confID: string): FrameSet => {
    let s = frameSets.get(confID);
    if (!s) {
      s = buildFrameSet(confID);
      verifyFrameSet(s);
      frameSets.set(confID, s);
    }
    return s;
  };

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    counters.restCalls++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const confID = url.searchParams.get('conferenceID');
    if (req.method !== 'GET' || !confID)
      return sendJson(res, 400, { error_code: 'MMC.111070001', error_msg: 'CONF_BAD_REQUEST' });
    if (url.pathname === TOKEN_PATH) {
      // §2.2 response shape (the `gloablPublicIP` spelling is the documented one).
      return sendJson(res, 200, {
        data: {
          token: mintToken('stb'),
          tmpWsToken: mintToken('cnr'),
          wsURL: wsUrl,
          role: 1,
          expireTime: Date.now() + 1_800_000,
          userID: '5b0e2c7f9d4a41e6b8c3f1a2d7e9c0b4',
          orgID: '70315',
          confTokenExpireTime: 1800,
          vmrCurrentConfID: '',
          supportNotifyType: [
            'ConfBasicInfoNotify',
            'ConfDynamicInfoNotify',
            'ParticipantsNotify',
            'SpeakerChangeNotify',
          ],
        },
        addressToken: mintToken('cnr'),
        gloablPublicIP: 'https://meeting.example.net',
      });
    }
    if (url.pathname === WS_TOKEN_PATH) return sendJson(res, 200, { webSocketToken: mintToken('cnr') });
    return sendJson(res, 404, { error_code: 'MMC.111070001', error_msg: 'NOT_FOUND' });
  });
  // Thousands of clients connect at once in the scale run; the default backlog (511) drops SYNs.
  http.maxConnections = 30_000;

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const confID = url.searchParams.get('confID');
    if (url.pathname !== WS_PATH || !confID || !url.searchParams.get('tmpToken')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    counters.upgrades++;
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, confID));
  });

  function onConnection(ws: WebSocket, confID: string): void {
    counters.openSockets++;
    const conf = conference(confID);
    let subscriber: Subscriber | undefined;
    ws.on('message', (data) => {
      let frame: { action?: unknown; sequence?: unknown };
      try {
        frame = JSON.parse(String(data));
      } catch {
        return; // Appendix A: malformed client frames are ignored.
      }
      if (frame.action === 'HeartBeat') {
        counters.heartbeats++;
        ws.send(JSON.stringify({ action: 'HeartBeat', sequence: frame.sequence }));
      } else if (frame.action === 'Subscribe') {
        counters.subscribes++;
        // §6.1: the documented reply key really has a trailing space.
        ws.send(
          JSON.stringify({
            action: 'Subscribe',
            sequence: frame.sequence,
            data: { returnCode: 0, 'returnDesc ': 'SUCCESS' },
          }),
        );
        if (sendSnapshot) rawSocketOf(ws).write(snapshotBytes(confID));
        if (!subscriber) {
          subscriber = { ws, socket: rawSocketOf(ws) };
          conf.subscribers.add(subscriber);
          for (const wake of conf.waiters.splice(0)) wake();
        }
      }
    });
    ws.on('close', () => {
      counters.openSockets--;
      if (subscriber) conf.subscribers.delete(subscriber);
    });
    ws.on('error', () => {});
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', 4096, resolve));
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('bench server: no address');
  const port = address.port;
  wsUrl = `ws://127.0.0.1:${port}`;

  function cursorOf(s: Subscriber, confID: string): FrameCursor {
    s.cursor ??= new FrameCursor(frameSet(confID));
    return s.cursor;
  }

  /**
   * Resolves on the socket's next `drain` or `close`, removing both listeners either way (racing two
   * `events.once` promises would leave the loser's listeners behind on every chunk).
   */
  function drainedOrClosed(socket: Socket): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  async function burstOne(s: Subscriber, confID: string, count: number): Promise<number> {
    const cursor = cursorOf(s, confID);
    let sent = 0;
    let bytes = 0;
    while (sent < count && s.ws.readyState === s.ws.OPEN) {
      const chunk = cursor.take(count - sent, BURST_CHUNK_BYTES);
      sent += chunk.frames;
      bytes += chunk.bytes.length;
      // Wait for the socket to drain, unless it closes first (then the loop ends).
      if (!s.socket.write(chunk.bytes)) await drainedOrClosed(s.socket);
    }
    return bytes;
  }

  /**
   * Every subscriber of every conference in `confIDs` gets `count` frames at `perSecond`, and the
   * writes are spread evenly over each frame period: with n sockets, socket j's frame k is due at
   * (k + j/n) / perSecond. So at most one client has a frame in flight at a time, yet every client
   * samples the same milliseconds: a stall of the machine (see docs/benchmarks.md, Latency) lands on
   * all of them alike. Each frame is stamped right before its own write; a late wake sends the
   * backlog frame by frame, each with its own stamp.
   */
  async function pacedAll(confIDs: readonly string[], count: number, perSecond: number) {
    const targets = confIDs.flatMap((confID) =>
      [...conference(confID).subscribers].map((s) => ({ s, cursor: cursorOf(s, confID), bytes: 0 })),
    );
    const n = targets.length;
    const slotNs = 1e9 / (perSecond * n);
    const start = process.hrtime.bigint();
    const elapsedNs = () => Number(process.hrtime.bigint() - start);
    for (let slot = 0; slot < count * n && targets.some((t) => t.s.ws.readyState === t.s.ws.OPEN); slot++) {
      const waitNs = slot * slotNs - elapsedNs();
      // Timers are ms-granular: sleep on a timer while more than 2 ms remain (the event loop stays
      // free), then wait out the rest precisely, blocking this thread (it has nothing else to do).
      if (waitNs > 2e6) await new Promise((r) => setTimeout(r, Math.floor(waitNs / 1e6) - 1));
      sleepNs(slot * slotNs - elapsedNs());
      const t = targets[slot % n]!;
      if (t.s.ws.readyState === t.s.ws.OPEN) {
        const chunk = t.cursor.take(1, Number.POSITIVE_INFINITY, nowStamp());
        t.s.socket.write(chunk.bytes);
        t.bytes += chunk.bytes.length;
      }
      // Once per round of sockets, let the event loop read what the clients sent (heartbeats).
      if (slot % n === n - 1) await new Promise((r) => setImmediate(r));
    }
    return targets.map((t) => t.bytes);
  }

  async function pushAll(
    confID: string,
    count: number,
    one: (s: Subscriber) => Promise<number>,
  ): Promise<PushResult> {
    const subscribers = [...conference(confID).subscribers];
    const t0 = performance.now();
    const bytes = await Promise.all(subscribers.map(one));
    return {
      frames: count,
      bytes: bytes[0] ?? 0,
      ms: performance.now() - t0,
      subscribers: subscribers.length,
    };
  }

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl,
    waitSubscribed(confID, count) {
      // `?? 1`, not a default parameter: over IPC a missing count arrives as null.
      const wanted = count ?? 1;
      const conf = conference(confID);
      return new Promise<void>((resolve) => {
        const check = () => (conf.subscribers.size >= wanted ? resolve() : conf.waiters.push(check));
        check();
      });
    },
    burst: (confID, count) => pushAll(confID, count, (s) => burstOne(s, confID, count)),
    async paced(confIDs, count, perSecond) {
      const t0 = performance.now();
      const bytes = await pacedAll(confIDs, count, perSecond);
      return { frames: count, bytes: bytes[0] ?? 0, ms: performance.now() - t0, subscribers: bytes.length };
    },
    stats: () => ({ ...counters }),
    async close() {
      for (const c of conferences.values()) for (const s of c.subscribers) s.ws.terminate();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
