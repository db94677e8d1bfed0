/**
 * The client side of the latency benchmark, one child process per client, so each client owns its
 * process: no harness, IPC traffic or other client shares its event loop while frames arrive.
 *
 * Besides the full latency (server stamp → consumer callback) the child records the in-process part:
 * from the socket's `data` event that carried a frame's last bytes to the consumer callback. The hook
 * is Node's `net.client.socket` diagnostics channel, so the library is measured as published, and
 * both clients carry the same hook.
 *
 * The parent ({@link forkLatencyClient}) drives it over IPC: `connect` → (frames) → `window` opens a
 * window and resolves once the window is complete → `close`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ClientKind } from './clients/types.js';
import { nowStamp, sequenceOfMsgId, stampOfMsgId } from './frames.js';
import { collectGarbage } from './gc.js';
import { loadClient, WindowTracker } from './measure.js';

const CHILD_FLAG = '--bench-latency-client';

/** Per-frame samples of one window, in ns, index-aligned. */
export interface LatencySamples {
  /** Sequence number of each frame (pairs the frames of two clients fed side by side). */
  readonly sequences: number[];
  /** Server stamp → consumer callback. */
  readonly totalNs: number[];
  /** Socket `data` event → consumer callback. */
  readonly inProcessNs: number[];
  /** Frames of the window the consumers got. */
  readonly delivered: number;
  /** Whether every consumer saw its last frame before the timeout. */
  readonly complete: boolean;
}

/** A latency client child. */
export interface LatencyClient {
  readonly kind: ClientKind;
  /** Connects to `confID` on the bench server; resolves once the client is connected. */
  connect(baseUrl: string, confID: string): Promise<void>;
  /**
   * Records frames `[from, from + count)`; call before the server sends them. `finished` resolves
   * with the samples once every consumer saw its last frame of the window, or after `timeoutMs`.
   * With `collect`, the child runs a full GC before it reports the window open.
   */
  window(
    from: number,
    count: number,
    timeoutMs: number,
    collect: boolean,
  ): { opened: Promise<void>; finished: Promise<LatencySamples> };
  close(): Promise<void>;
}

/** Nanoseconds from stamp `a` to stamp `b`, robust to the 2^48 wrap of the stamps. */
function between(a: number, b: number): number {
  return b >= a ? b - a : b - a + 2 ** 48;
}

type Message = { id: number; method: string; args: unknown[] };

async function latencyChild(kind: ClientKind): Promise<void> {
  const factory = await loadClient(kind);
  // Time of the latest `data` event on any client socket; ws and the library parse the frames of a
  // chunk synchronously inside that event, so for a frame it is the arrival of the chunk carrying it.
  let lastDataStamp = 0;
  const onData = () => {
    lastDataStamp = nowStamp();
  };
  subscribe('net.client.socket', (message) => {
    (message as { socket: Socket }).socket.prependListener('data', onData);
  });
  const tracker = new WindowTracker();
  let client: { close(): Promise<void> } | undefined;
  const send = (m: unknown) => process.send?.(m);
  const handlers: Record<string, (...args: never[]) => Promise<unknown>> = {
    async connect(baseUrl: string, confID: string) {
      client = await factory({ baseUrl, confID }, tracker.consumers);
      return null;
    },
    async window(id: number, from: number, count: number, timeoutMs: number, collect: boolean) {
      const sequences: number[] = [];
      const totalNs: number[] = [];
      const inProcessNs: number[] = [];
      tracker.onFrame = (m) => {
        const now = nowStamp();
        const stamp = stampOfMsgId(m.msgID);
        sequences.push(sequenceOfMsgId(m.msgID));
        totalNs.push(between(stamp, now));
        inProcessNs.push(between(lastDataStamp, now));
      };
      const { finished } = tracker.window(from, count, timeoutMs);
      // Start from a clean heap (once, after the warm-up: the suite's windows are short and many).
      if (collect) collectGarbage();
      send({ id, opened: true });
      const complete = await finished;
      tracker.onFrame = undefined;
      return {
        sequences,
        totalNs,
        inProcessNs,
        delivered: tracker.delivered,
        complete,
      } satisfies LatencySamples;
    },
    async close() {
      await client?.close();
      setTimeout(() => process.exit(0), 50);
      return null;
    },
  };
  process.on('message', async (msg: Message) => {
    try {
      const args = msg.method === 'window' ? [msg.id, ...msg.args] : msg.args;
      const result = await handlers[msg.method]!(...(args as never[]));
      send({ id: msg.id, result });
    } catch (e) {
      send({ id: msg.id, error: e instanceof Error ? e.stack : String(e) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

/**
 * Forks a latency client child of `kind`. The child inherits this process's exec arguments (under
 * `tsx`, its loader); the library client is bundled as published (see library-build.ts).
 */
export async function forkLatencyClient(kind: ClientKind): Promise<LatencyClient> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, kind], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; opened?: () => void };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`latency client exited early (${code})`)));
    child.on(
      'message',
      (m: { ready?: true; id?: number; opened?: true; result?: unknown; error?: string }) => {
        if (m.ready) return resolve();
        const p = pending.get(m.id ?? -1);
        if (m.opened) return p?.opened?.();
        pending.delete(m.id ?? -1);
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else p?.resolve(m.result);
      },
    );
  });
  child.removeAllListeners('exit');
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error(`${kind} latency client exited`));
    pending.clear();
  });
  const call = <T>(method: string, args: unknown[], opened?: () => void) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(opened ? { opened } : {}) });
      child.send({ id, method, args } satisfies Message);
    });
  return {
    kind,
    connect: (baseUrl, confID) => call<void>('connect', [baseUrl, confID]),
    window(from, count, timeoutMs, collect) {
      let opened!: () => void;
      const openedPromise = new Promise<void>((resolve) => {
        opened = resolve;
      });
      const finished = call<LatencySamples>('window', [from, count, timeoutMs, collect], opened);
      // A failed call never reports `opened`; release the waiter so it sees the failure instead.
      void finished.then(opened, opened);
      return { opened: openedPromise, finished };
    },
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      await call('close', []).catch(() => {});
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

if (process.argv[2] === CHILD_FLAG) {
  await latencyChild(process.argv[3] as ClientKind);
}
