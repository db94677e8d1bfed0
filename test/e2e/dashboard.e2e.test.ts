/**
 * The example dashboard (docs/examples) in real headless Chromium, against the simulator: the
 * library runs in the browser with the native WebSocket and tokens from the page's own backend.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`.ci/install-browser` installs it; CI runs that
 * first). Without it the suite is skipped with a message saying so.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from '../../src/cli/web.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `test/e2e: ${CHROMIUM} not found, browser test skipped; run .ci/install-browser to install it`,
  );
}

/**
 * The machine notes' flags: without the background-networking ones Chromium keeps trying hosts
 * this sandbox refuses. Playwright adds --headless and a fresh temporary --user-data-dir itself
 * (and removes that profile on close).
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Poll for up to 10 s: the page renders pushes within milliseconds, but CI machines are shared. */
const POLL = { timeout: 10_000, interval: 50 };

/** The names in the roster table, sorted. */
async function rosterNames(page: Page): Promise<string[]> {
  return (await page.getByTestId('participant-name').allTextContents()).sort();
}

/** The names the simulator holds, sorted: the truth the page must show. */
function simulatedNames(sim: Simulator): string[] {
  return [...sim.participants().values()].map((pinfo) => pinfo['NAME'] ?? '').sort();
}

describe.skipIf(!hasChromium)('dashboard in headless Chromium', () => {
  let sim: Simulator;
  let dashboard: DashboardServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    // No script: the meeting changes only when the test says so.
    sim = await startSimulator({ seed: 11, script: false, initialParticipants: 5 });
    dashboard = await serveDashboard({ simulator: sim });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(dashboard.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await sim?.close();
  });

  it('shows every simulated participant and the live connection', async () => {
    await expect.poll(() => page.getByTestId('connection-status').textContent(), POLL).toBe('live');
    await expect.poll(() => rosterNames(page), POLL).toEqual(simulatedNames(sim));
    expect(await page.getByTestId('participant-count').textContent()).toBe('5');
  });

  it('shows the meeting state and follows a change to it', async () => {
    await expect.poll(() => page.getByTestId('meeting-state').textContent(), POLL).toBe('state: running');
    expect(await page.getByTestId('meeting-title').textContent()).not.toBe('Connecting…');
    await expect.poll(() => page.getByTestId('meeting-recording').textContent(), POLL).toBe('not recording');
    sim.setRecording(true);
    await expect.poll(() => page.getByTestId('meeting-recording').textContent(), POLL).toBe('recording');
  });

  it('adds a participant who joins and removes one who leaves', async () => {
    const pid = sim.join({ name: 'Test Joiner' });
    await expect.poll(() => rosterNames(page), POLL).toContain('Test Joiner');
    await expect
      .poll(() => page.getByTestId('event').first().textContent(), POLL)
      .toMatch(/Test Joiner joined$/);

    sim.leave(pid);
    await expect.poll(() => rosterNames(page), POLL).not.toContain('Test Joiner');
    expect(await rosterNames(page)).toEqual(simulatedNames(sim));
    await expect
      .poll(() => page.getByTestId('event').first().textContent(), POLL)
      .toMatch(/Test Joiner left$/);
  });

  it('shows who is speaking', async () => {
    const [first] = [...sim.participants()];
    const [pid, pinfo] = first!;
    sim.speak([{ pid, speakingVolume: 80 }]);
    await expect
      .poll(() => page.getByTestId('speaker').allTextContents(), POLL)
      .toEqual([`${pinfo['NAME']} (80)`]);
    expect(await page.locator(`[data-pid="${pid}"]`).getAttribute('data-speaking')).toBe('true');
  });

  it('shows a raised hand and a muted microphone', async () => {
    const [, second] = [...sim.participants()];
    const [pid] = second!;
    const row = page.locator(`[data-pid="${pid}"]`);
    sim.update(pid, { HAND: '1', MUTE: '1' });
    await expect.poll(() => row.getByTestId('participant-hand').textContent(), POLL).toBe('raised');
    expect(await row.getByTestId('participant-mic').textContent()).toBe('muted');
    // E2E_SCREENSHOT=file.png keeps a picture of the page for a human to look at.
    if (process.env['E2E_SCREENSHOT'] !== undefined) {
      await page.screenshot({ path: process.env['E2E_SCREENSHOT'], fullPage: true });
    }
  });

  it('kept the host password on the server and threw no page error', async () => {
    // The browser asked only its own server (page, script, tokens) and opened the meeting socket;
    // it never called the meeting's REST API, which needs the host password.
    const restCalls = requested.filter((url) => url.startsWith(`${sim.baseUrl}/v1/`));
    expect(restCalls).toEqual([]);
    expect(requested.some((url) => url.startsWith(`${dashboard.url}api/meeting-tokens`))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('shows the end of the meeting', async () => {
    sim.end();
    await expect.poll(() => page.getByTestId('connection-status').textContent(), POLL).toBe('ended');
    expect(await page.getByTestId('meeting-state').textContent()).toBe('state: ended');
  });
});
