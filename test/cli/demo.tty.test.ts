/**
 * The must-show: `huawei-meeting-rx demo` in a real pseudo-terminal (tmux), read off the screen as a
 * person would see it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('demo.tty.test.ts skipped: tmux is not installed (apt-get install tmux)');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A private tmux server, so the test never touches the user's sessions. */
const SOCKET = `hmrx-test-${process.pid}`;
const SEED = 2;
const tmux = (...args: string[]): string =>
  execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = (): string[] => tmux('capture-pane', '-p', '-t', 'demo').split('\n');

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

/** The roster table on screen: its header and its rows' names and whether each speaks now. */
function readTable(
  lines: readonly string[],
): { header: string; rows: { name: string; speaking: boolean }[] } | undefined {
  const start = lines.findIndex((l) => /^NAME\s+ROLE\s+MIC\s+CAMERA\s+HAND\s+SHARING\s+SPEAKING\s*$/.test(l));
  if (start === -1) return undefined;
  const rows: { name: string; speaking: boolean }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    rows.push({ name: line.split(/ {2,}/)[0] ?? '', speaking: line.includes('▮') });
  }
  return { header: lines[start] ?? '', rows };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasTmux)('huawei-meeting-rx demo in a terminal', () => {
  it('shows the roster table with the simulated names and a changing speaker, and quits with exit 0', async () => {
    // The same seed gives the same people: ask a quiet simulator who is in the meeting at start.
    const sim = await startSimulator({ seed: SEED, script: false });
    const names = [...sim.participants().values()].map((p) => p['NAME']);
    await sim.close();

    const command = `${process.execPath} --import tsx src/cli/main.ts demo --seed ${SEED} --speed 8; echo "exit=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', 'demo', '-x', '120', '-y', '40', '-c', ROOT, command);

    const speakers = new Set<string>();
    /** Who spoke, frame by frame: a change shows as two different non-empty sets. */
    const speakingSets = new Set<string>();
    let seen: string[] = [];
    let last: string[] = [];
    const deadline = Date.now() + 12_000;
    while (Date.now() < deadline) {
      last = screen();
      const table = readTable(last);
      if (table !== undefined) {
        seen = table.rows.map((r) => r.name);
        const speaking = table.rows.filter((r) => r.speaking).map((r) => r.name);
        for (const name of speaking) speakers.add(name);
        if (speaking.length > 0) speakingSets.add(speaking.sort().join(' + '));
        const known = seen.filter((name) => names.includes(name));
        if (known.length >= 3 && speakers.size >= 2 && speakingSets.size >= 2) break;
      }
      await sleep(250);
    }
    const screenText = last.join('\n');
    expect(readTable(last), screenText).toBeDefined();
    expect(seen.filter((name) => names.includes(name)).length, screenText).toBeGreaterThanOrEqual(3);
    const story = `speakers seen: ${[...speakingSets].join(' → ')}\n${screenText}`;
    expect(speakers.size, story).toBeGreaterThanOrEqual(2);
    expect(speakingSets.size, story).toBeGreaterThanOrEqual(2);
    expect(last[0]).toMatch(/ · running · /);
    expect(screenText).toMatch(/● live · conference \d{9}/);
    expect(screenText).toContain('Recent events');

    tmux('send-keys', '-t', 'demo', 'q');
    const end = Date.now() + 5000;
    while (!screen().some((l) => l.startsWith('exit=')) && Date.now() < end) await sleep(100);
    const after = screen().join('\n');
    expect(after).toContain('Stopped watching.');
    expect(after).toContain('exit=0');
  }, 30_000);
});
