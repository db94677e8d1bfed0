/**
 * The default socket on Node.js is `ws`, with its limits, even where a global `WebSocket` exists
 * (Node 22+). Node 20 gets that global from `--experimental-websocket`, so the probe runs in a child
 * process started with the flag; a control run through the global itself shows that the checks
 * below tell the two apart (it offers permessage-deflate and delivers the oversized frame).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeReport } from './default-websocket-probe.js';

const PROBE = fileURLToPath(new URL('./default-websocket-probe.ts', import.meta.url));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Runs the probe under `node --experimental-websocket` and returns its report. */
async function probe(mode: 'default' | 'global'): Promise<ProbeReport> {
  const child = spawn(process.execPath, ['--experimental-websocket', '--import', 'tsx', PROBE, mode], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    err += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, `probe exited with ${code}; stderr: ${err}`).toBe(0);
  return JSON.parse(out.trim()) as ProbeReport;
}

describe('defaultWebSocketFactory on Node.js with a global WebSocket present', () => {
  it('uses ws: an oversized frame closes with 1009, and permessage-deflate is not negotiated', async () => {
    const report = await probe('default');
    expect(report.globalWebSocket).toBe('function');
    expect(report.offered).toBeNull();
    expect(report.accepted).toBe('');
    expect(report.events).toEqual(['open']);
    expect(report.error).toMatchObject({
      code: 'WS_CLOSED',
      closeCode: 1009,
      reason: 'frame larger than maxFrameBytes (1024 bytes)',
    });
  });

  it('control: the global WebSocket itself negotiates deflate and receives the whole frame', async () => {
    const report = await probe('global');
    expect(report.globalWebSocket).toBe('function');
    expect(report.offered).toContain('permessage-deflate');
    expect(report.accepted).toContain('permessage-deflate');
    expect(report.events).toEqual(['open', 'oversized']);
    expect(report.error).toBeUndefined();
  });
});
