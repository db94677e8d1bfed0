import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs the CLI in one node process (tsx as a loader, so signals reach it directly). */
function cli(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForText(read: () => string, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!read().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in: ${read()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return read();
}

describe('huawei-meeting-rx simulate', () => {
  it('prints base URL, conference ID and host password, serves them, and exits 0 on SIGINT', async () => {
    const run = cli(['simulate', '--port', '0', '--seed', '9']);
    const text = await waitForText(run.output, 'Ctrl-C');
    const baseUrl = /base URL:\s+(\S+)/.exec(text)?.[1];
    const conferenceId = /conference ID:\s+(\d+)/.exec(text)?.[1];
    const password = /host password:\s+(\d+)/.exec(text)?.[1];
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const url = new URL('/v1/mmc/control/conferences/token', baseUrl);
    url.searchParams.set('conferenceID', conferenceId ?? '');
    const answer = await fetch(url, { headers: { 'X-Password': password ?? '', 'X-Login-Type': '1' } });
    expect(answer.status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('rejects an unknown command and a bad option value with exit code 2', async () => {
    const unknown = cli(['dance']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output()).toContain('Unknown command "dance"');
    const bad = cli(['simulate', '--port', 'abc']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--port');
  });
});
