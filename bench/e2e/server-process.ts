/**
 * Runs the bench server in a child process, so the measured client owns its process: its RSS is
 * its own and the sender works on the other core.
 *
 * The parent calls {@link forkFrameServer}; this same file is the child's entry point (it starts the
 * server when it finds the `--bench-frame-server` argument) and answers calls over the IPC channel.
 */
import { fileURLToPath } from 'node:url';
import { forkRpcChild, serveRpc } from './child-rpc.js';
import type { FrameServer, FrameServerOptions, FrameServerStats } from './frame-server.js';
import { startFrameServer } from './frame-server.js';

const CHILD_FLAG = '--bench-frame-server';

/** Memory and CPU of a process, as `process.memoryUsage()` and `process.cpuUsage()` report them. */
export interface ProcessUsage {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly cpuUserUs: number;
  readonly cpuSystemUs: number;
}

/** The bench server in a child process; the same calls as `FrameServer`, all async, plus its usage. */
export interface RemoteFrameServer extends Omit<FrameServer, 'stats'> {
  stats(): Promise<FrameServerStats>;
  usage(): Promise<ProcessUsage>;
  /** The server child's process ID. */
  readonly pid: number;
}

/** Current memory and CPU of this process. */
export function processUsage(): ProcessUsage {
  const m = process.memoryUsage();
  const c = process.cpuUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    cpuUserUs: c.user,
    cpuSystemUs: c.system,
  };
}

/**
 * Forks the bench server. The child inherits this process's exec arguments (under `tsx`, its loader).
 * @example
 * const server = await forkFrameServer();
 * try { … } finally { await server.close(); }
 */
export async function forkFrameServer(options: FrameServerOptions = {}): Promise<RemoteFrameServer> {
  const child = await forkRpcChild<{ port: number }>(
    fileURLToPath(import.meta.url),
    [CHILD_FLAG, JSON.stringify(options)],
    'bench server',
  );
  const { port } = child.ready;
  const call = <T>(method: string, ...args: unknown[]): Promise<T> => child.call<T>(method, args);
  return {
    port,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    waitSubscribed: (confID, count) => call('waitSubscribed', confID, count ?? 1),
    burst: (confID, count) => call('burst', confID, count),
    paced: (confIDs, count, perSecond) => call('paced', confIDs, count, perSecond),
    stats: () => call('stats'),
    usage: () => call('usage'),
    close: () => child.close(),
  };
}

async function serveOverIpc(options: FrameServerOptions): Promise<void> {
  const server = await startFrameServer(options);
  serveRpc(
    {
      waitSubscribed: (confID: string, count: number) => server.waitSubscribed(confID, count),
      burst: (confID: string, count: number) => server.burst(confID, count),
      paced: (confIDs: string[], count: number, perSecond: number) => server.paced(confIDs, count, perSecond),
      stats: () => server.stats(),
      usage: () => processUsage(),
      close: async () => {
        await server.close();
        setImmediate(() => process.exit(0));
      },
    },
    { port: server.port },
  );
}

if (process.argv[2] === CHILD_FLAG) {
  await serveOverIpc(JSON.parse(process.argv[3] ?? '{}') as FrameServerOptions);
}
