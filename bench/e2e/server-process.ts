/**
 * Runs the bench server in a child process, so the measured client owns its process: its RSS is
 * its own and the sender works on the other core.
 *
 * The parent calls {@link forkFrameServer}; this same file is the child's entry point (it starts the
 * server when it finds the `--bench-frame-server` argument) and answers calls over the IPC channel.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FrameServer, FrameServerOptions, FrameServerStats } from './frame-server.js';
import { startFrameServer } from './frame-server.js';

const CHILD_FLAG = '--bench-frame-server';

/** Memory and CPU of a process, as `process.memoryUsage()` and `process.cpuUsage()` report them. */
export interface ProcessUsage {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly cpuUserUs: number;
  readonly cpuSystemUs: number;
}

/** The bench server in a child process; the same calls as `FrameServer`, all async, plus its usage. */
export interface RemoteFrameServer extends Omit<FrameServer, 'stats'> {
  stats(): Promise<FrameServerStats>;
  usage(): Promise<ProcessUsage>;
}

interface Call {
  readonly id: number;
  readonly method: string;
  readonly args: unknown[];
}
type Reply = { id: number; result?: unknown; error?: string } | { ready: { port: number } };

/** Current memory and CPU of this process. */
export function processUsage(): ProcessUsage {
  const m = process.memoryUsage();
  const c = process.cpuUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, cpuUserUs: c.user, cpuSystemUs: c.system };
}

/**
 * Forks the bench server. The child inherits this process's exec arguments (under `tsx`, its loader).
 * @example
 * const server = await forkFrameServer();
 * try { … } finally { await server.close(); }
 */
export async function forkFrameServer(options: FrameServerOptions = {}): Promise<RemoteFrameServer> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return resolve(reply.ready.port);
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error !== undefined) p?.reject(new Error(reply.error));
      else p?.resolve(reply.result);
    });
  });
  child.removeAllListeners('exit');
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error('bench server exited'));
    pending.clear();
  });
  const call = <T>(method: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, method, args } satisfies Call);
    });
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    waitSubscribed: (confID, count) => call('waitSubscribed', confID, count ?? 1),
    burst: (confID, count) => call('burst', confID, count),
    paced: (confID, count, perSecond) => call('paced', confID, count, perSecond),
    stats: () => call('stats'),
    usage: () => call('usage'),
    async close() {
      await call('close').catch(() => {});
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
    },
  };
}

async function serveOverIpc(options: FrameServerOptions): Promise<void> {
  const server = await startFrameServer(options);
  const methods: Record<string, (...args: never[]) => unknown> = {
    waitSubscribed: server.waitSubscribed,
    burst: server.burst,
    paced: server.paced,
    stats: server.stats,
    usage: processUsage,
    close: async () => {
      await server.close();
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', async (msg: Call) => {
    try {
      const fn = methods[msg.method];
      if (!fn) throw new Error(`unknown method ${msg.method}`);
      const result = await fn(...(msg.args as never[]));
      process.send?.({ id: msg.id, result });
    } catch (e) {
      process.send?.({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: { port: server.port } });
}

if (process.argv[2] === CHILD_FLAG) {
  await serveOverIpc(JSON.parse(process.argv[3] ?? '{}') as FrameServerOptions);
}
