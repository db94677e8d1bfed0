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
import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { forkRpcChild, serveRpc } from './child-rpc.js';
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
  /** The child's process ID. */
  readonly pid: number;
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
  serveRpc({
    async connect(baseUrl: string, confID: string) {
      client = await factory({ baseUrl, confID }, tracker.consumers);
      return null;
    },
    async window(from: number, count: number, timeoutMs: number, collect: boolean, opened: () => void) {
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
      opened();
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
  });
}

/**
 * Forks a latency client child of `kind`. The child inherits this process's exec arguments (under
 * `tsx`, its loader); the library client is bundled as published (see library-build.ts).
 */
export async function forkLatencyClient(kind: ClientKind): Promise<LatencyClient> {
  const child = await forkRpcChild(
    fileURLToPath(import.meta.url),
    [CHILD_FLAG, kind],
    `${kind} latency client`,
  );
  return {
    kind,
    pid: child.pid,
    connect: (baseUrl, confID) => child.call<void>('connect', [baseUrl, confID]),
    window(from, count, timeoutMs, collect) {
      let opened!: () => void;
      const openedPromise = new Promise<void>((resolve) => {
        opened = resolve;
      });
      const finished = child.call<LatencySamples>('window', [from, count, timeoutMs, collect], opened);
      // A failed call never reports `opened`; release the waiter so it sees the failure instead.
      void finished.then(opened, opened);
      return { opened: openedPromise, finished };
    },
    close: () => child.close(),
  };
}

if (process.argv[2] === CHILD_FLAG) {
  await latencyChild(process.argv[3] as ClientKind);
}
