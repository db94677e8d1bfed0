/**
 * Calls into a forked child process over IPC: the plumbing shared by the bench server, the scale
 * client and the latency client, each of which runs in a child of its own.
 *
 * The child calls {@link serveRpc} with its methods and a ready value; the parent's
 * {@link forkRpcChild} resolves with that value and a `call` that runs a method in the child and
 * resolves with its result. A method may report progress before it returns (the latency client
 * says when its window is open).
 */
import { type ChildProcess, fork } from 'node:child_process';

/** A parent → child request. */
interface Request {
  readonly id: number;
  readonly method: string;
  readonly args: unknown[];
}

/** A child → parent message. */
type Reply =
  | { readonly ready: unknown }
  | { readonly id: number; readonly progress: true }
  | { readonly id: number; readonly result?: unknown; readonly error?: string };

/**
 * A method of a child: called with the caller's arguments and, after them, a callback that reports
 * progress to the caller (methods that have none to report simply take no such parameter).
 */
export type RpcMethod = (...args: never[]) => unknown;

/**
 * In the child: serves `methods` over IPC, then tells the parent it is ready with `ready`. A
 * method's exception reaches the parent as a rejected call. The child exits when the parent goes.
 */
export function serveRpc(methods: Record<string, RpcMethod>, ready: unknown = true): void {
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', async (request: Request) => {
    try {
      const method = methods[request.method];
      if (!method) throw new Error(`unknown method ${request.method}`);
      const progress = () => send({ id: request.id, progress: true });
      const result = await method(...([...request.args, progress] as never[]));
      send({ id: request.id, result });
    } catch (e) {
      send({ id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready });
}

/** The parent's side of a child started by {@link forkRpcChild}. */
export interface RpcChild<R> {
  /** What the child passed to {@link serveRpc} as ready. */
  readonly ready: R;
  /** The child's process ID. */
  readonly pid: number;
  /** Runs `method` in the child; `onProgress` hears the method's progress reports. */
  call<T>(method: string, args?: unknown[], onProgress?: () => void): Promise<T>;
  /** Calls the child's `close` method, then makes sure the child is gone. */
  close(): Promise<void>;
}

/**
 * Forks `modulePath` with `argv` (the child inherits this process's exec arguments: under `tsx`,
 * its loader; `nodeFlags` are added to them) and waits until it is ready. `name` appears in the
 * errors of a child that exits.
 */
export async function forkRpcChild<R>(
  modulePath: string,
  argv: string[],
  name: string,
  nodeFlags: readonly string[] = [],
): Promise<RpcChild<R>> {
  const child: ChildProcess = fork(modulePath, argv, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...nodeFlags],
  });
  type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: () => void };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const ready = await new Promise<R>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${name} exited early (${code})`)));
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return resolve(reply.ready as R);
      const p = pending.get(reply.id);
      if ('progress' in reply) return p?.onProgress?.();
      pending.delete(reply.id);
      if (reply.error !== undefined) p?.reject(new Error(reply.error));
      else p?.resolve(reply.result);
    });
  });
  child.removeAllListeners('exit');
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error(`${name} exited`));
    pending.clear();
  });
  const call = <T>(method: string, args: unknown[] = [], onProgress?: () => void) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      child.send({ id, method, args } satisfies Request);
    });
  return {
    ready,
    pid: child.pid!,
    call,
    async close() {
      const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined;
      await call('close').catch(() => {});
      // Disconnecting lets the child exit by itself and run its exit handlers (which remove its
      // bundle of the library); a kill is the fallback for one that does not.
      if (child.connected) child.disconnect();
      const fallback = setTimeout(() => child.kill(), 2000);
      await exited;
      clearTimeout(fallback);
    },
  };
}
