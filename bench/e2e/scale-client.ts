/**
 * The client side of the scale benchmark, run in its own child process so its memory figures hold
 * nothing but the watched meetings: it brings N meetings live against the bench server, measures
 * memory per meeting, then CPU while the meetings sit idle (heartbeats only).
 *
 * Two kinds of meeting:
 * - `bare`: the floor, one `ws` per conference with Subscribe, `JSON.parse` of every frame and a
 *   `setInterval` heartbeat (no REST: a bare socket is the least a watcher can cost);
 * - `lib`: `connectMeeting` with participants$, speakers$ and confDynamicInfo$ subscribed.
 * A meeting is live when its first ConfDynamicInfoNotify (the subscribe snapshot) reached the consumer.
 *
 * The parent ({@link runScaleClient}) drives it over IPC: `up` → memory, `idle-start` → the parent
 * reads the server's heartbeat counter → `idle-measure` → CPU → `close`.
 */
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import WebSocket from 'ws';
import { forkRpcChild, serveRpc } from './child-rpc.js';
import type { BenchClient, Consumers } from './clients/types.js';
import { collectGarbage } from './gc.js';
import { loadClient } from './measure.js';
import { type ProcessUsage, processUsage } from './server-process.js';

const CHILD_FLAG = '--bench-scale-client';
/**
 * Two V8 settings for both kinds of child, so a reading is what the meetings keep rather than a
 * state of the process's heap:
 * - The young generation (the nursery every new object starts in) is fixed at V8's usual maximum
 *   (16 MiB semi-spaces). Left to grow and shrink with the allocation rate, it changed RSS between
 *   the two readings by -3 to +10 KiB per meeting at 5,000 meetings, in either kind of run.
 * - Every full GC compacts the old generation. Bring-up leaves free space in old-generation pages
 *   (objects of the REST calls that lived long enough to be promoted): 3–5 KiB per meeting at 5,000
 *   meetings, which an ordinary forced GC leaves in place. A quiet process compacts it by itself:
 *   at 5,000 meetings with 60 s heartbeats and no forced GC, V8's memory reducer shrank the old
 *   generation from 157.5 MiB (139.5 used) to 143.2 MiB (139.7 used) about 55 s after bring-up
 *   (docs/benchmarks.md). The readings cannot wait that long, so their GCs compact at once.
 */
const NODE_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=16', '--compact-on-every-full-gc'];
/** Environment variable naming a directory: each client writes a heap snapshot there once all are live. */
const HEAP_SNAPSHOT_ENV = 'BENCH_HEAP_SNAPSHOT';
const WS_PATH = '/cms/open/websocket/confctl/increment/conn';

/** What kind of meeting watcher to scale. */
export type ScaleMode = 'bare' | 'lib';

/** Parameters of one scale run. */
export interface ScaleParams {
  readonly mode: ScaleMode;
  readonly meetings: number;
  readonly baseUrl: string;
  /** Heartbeat interval used for the idle measurement (short, so a few seconds see many). */
  readonly heartbeatMs: number;
  /** How many meetings may be connecting at once during bring-up. */
  readonly concurrency: number;
  /** Give up bringing meetings live after this long. */
  readonly upTimeoutMs: number;
  /** First conference ID; meeting i watches `firstConfID + i`. */
  readonly firstConfID: number;
  /** Length of the idle CPU window. */
  readonly idleWindowMs: number;
  /**
   * Wait after all are live before weighing: long enough for pooled REST keep-alive sockets to close
   * (undici keeps them 4 s), so the figure is the steady state of a watched meeting.
   */
  readonly settleMs: number;
}

/** What the child reports after bring-up. */
export interface UpReport {
  readonly live: number;
  readonly upMs: number;
  readonly before: ProcessUsage;
  readonly after: ProcessUsage;
  readonly openHandles: number;
}

/** What the child reports after the idle window. */
export interface IdleReport {
  readonly windowMs: number;
  readonly cpuUs: number;
  readonly stillLive: number;
}

/** Opens one bare watcher: ws, Subscribe, JSON.parse every frame, heartbeat on a timer. */
function openBare(
  baseUrl: string,
  confID: string,
  heartbeatMs: number,
  consumers: Consumers,
): Promise<BenchClient> {
  const wsBase = baseUrl.replace(/^http/, 'ws');
  const ws = new WebSocket(`${wsBase}${WS_PATH}?confID=${confID}&tmpToken=bench`);
  let heartbeat: NodeJS.Timeout | undefined;
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.action === 'ConfDynamicInfoNotify') consumers.dynamicInfo(m);
    else if (m.action === 'ParticipantsNotify') consumers.participants(m);
    else if (m.action === 'SpeakerChangeNotify') consumers.speakers(m);
  });
  ws.on('error', () => {});
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      const data = JSON.stringify({
        conferenceID: confID,
        subscribeType: ['ConfDynamicInfoNotify'],
        confToken: 'bench',
      });
      ws.send(JSON.stringify({ action: 'Subscribe', sequence: String(Date.now()).padStart(30, '0'), data }));
      heartbeat = setInterval(
        () =>
          ws.send(JSON.stringify({ action: 'HeartBeat', sequence: String(Date.now()).padStart(30, '0') })),
        heartbeatMs,
      );
      resolve({
        async close() {
          clearInterval(heartbeat);
          ws.terminate();
        },
      });
    });
  });
}

/**
 * Allocates and drops about 128 MiB of small objects, so the young generation has been used through
 * (and its pages touched) before a reading. Without it the "before" reading, taken before any real
 * work, counted less of the nursery than the "after" one: up to 32 MiB that is the process's, not
 * the meetings', which at 1,000 meetings put 30 KiB per meeting on bare `ws` sockets alone.
 */
function fillNursery(): void {
  let batch: object[] = [];
  for (let i = 0; i < 4_000_000; i++) {
    batch.push({ i });
    if (batch.length === 1024) batch = [];
  }
}

/**
 * Memory once it has settled: a full GC, then the lowest of a few readings over about a second
 * (each after another GC). V8 hands freed pages back to the system from background threads, a
 * little after the collection: a single reading right after `gc()` put RSS minus heap anywhere
 * between 10 and 17 KiB per meeting in runs of the same code at 5,000 meetings.
 */
async function steadyUsage(): Promise<ProcessUsage> {
  fillNursery();
  let lowest: ProcessUsage | undefined;
  for (let i = 0; i < 4; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 300));
    const usage = processUsage();
    if (lowest === undefined || usage.rss < lowest.rss) lowest = usage;
  }
  return lowest as ProcessUsage;
}

async function scaleChild(params: ScaleParams): Promise<void> {
  const openLib = params.mode === 'lib' ? await loadClient('lib') : undefined;
  const clients: BenchClient[] = [];
  const liveIds = new Set<number>();
  const liveWaiters = new Map<number, () => void>();

  const consumersFor = (i: number): Consumers => {
    const markLive = () => {
      if (liveIds.has(i)) return;
      liveIds.add(i);
      liveWaiters.get(i)?.();
      liveWaiters.delete(i);
    };
    return { participants: () => {}, speakers: () => {}, dynamicInfo: markLive };
  };
  const whenLive = (i: number): Promise<void> =>
    liveIds.has(i) ? Promise.resolve() : new Promise((resolve) => liveWaiters.set(i, resolve));

  const handlers: Record<string, () => Promise<unknown>> = {
    async up() {
      const before = await steadyUsage();
      const t0 = performance.now();
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, params.upTimeoutMs).unref());
      let next = 0;
      const worker = async () => {
        while (next < params.meetings) {
          const i = next++;
          const confID = String(params.firstConfID + i);
          const consumers = consumersFor(i);
          const client = openLib
            ? await openLib({ baseUrl: params.baseUrl, confID }, consumers, {
                heartbeatMs: params.heartbeatMs,
              })
            : await openBare(params.baseUrl, confID, params.heartbeatMs, consumers);
          clients.push(client);
          // Hold this worker's slot until the meeting is live, so at most `concurrency` are in flight.
          await Promise.race([whenLive(i), deadline]);
        }
      };
      await Promise.all(Array.from({ length: params.concurrency }, worker));
      const upMs = performance.now() - t0;
      await new Promise((r) => setTimeout(r, params.settleMs));
      const after = await steadyUsage();
      const openHandles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles()
        .length;
      // For finding what a live meeting holds: BENCH_HEAP_SNAPSHOT=dir writes one snapshot per run.
      const snapshotDir = process.env[HEAP_SNAPSHOT_ENV];
      if (snapshotDir !== undefined && snapshotDir !== '') {
        writeHeapSnapshot(`${snapshotDir}/scale-${params.mode}-${params.meetings}.heapsnapshot`);
      }
      return { live: liveIds.size, upMs, before, after, openHandles } satisfies UpReport;
    },
    async idle() {
      collectGarbage();
      const windowMs = params.idleWindowMs;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, windowMs));
      const c = process.cpuUsage(c0);
      return {
        windowMs: performance.now() - t0,
        cpuUs: c.user + c.system,
        stillLive: liveIds.size,
      } satisfies IdleReport;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => {})));
      setTimeout(() => process.exit(0), 50);
      return null;
    },
  };
  serveRpc(handlers);
}

/** The scale client child, driven step by step. */
export interface ScaleClient {
  up(): Promise<UpReport>;
  idle(): Promise<IdleReport>;
  close(): Promise<void>;
}

/** Forks a scale client child with `params`. */
export async function runScaleClient(params: ScaleParams): Promise<ScaleClient> {
  const child = await forkRpcChild(
    fileURLToPath(import.meta.url),
    [CHILD_FLAG, JSON.stringify(params)],
    'scale client',
    NODE_FLAGS,
  );
  return {
    up: () => child.call<UpReport>('up'),
    idle: () => child.call<IdleReport>('idle'),
    close: () => child.close(),
  };
}

if (process.argv[2] === CHILD_FLAG) {
  await scaleChild(JSON.parse(process.argv[3] ?? '{}') as ScaleParams);
}
