/** Runs the CLI as a child process (tsx as a loader, so signals reach node directly). */
import { type ChildProcess, spawn } from 'node:child_process';

export interface CliRun {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

/** Kills whatever is still running (call in afterEach). */
export function killAll(): void {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function cli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // The tests decide whether a password is present.
  if (options.env?.['HWM_HOST_PASSWORD'] === undefined) delete env['HWM_HOST_PASSWORD'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: new URL('../..', import.meta.url),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.push(child);
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls `read` until `done` holds (10 s at most). */
export async function waitFor<T>(read: () => T, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
