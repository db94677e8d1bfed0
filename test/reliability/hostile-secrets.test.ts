/**
 * The secrets scan against a hostile server (issue 14 points 1 and 9): a gateway that echoes the
 * host password and every token it issued into every text field it has. Nothing the library emits
 * — stream values, errors, warnings, `util.inspect`, JSON — nor anything the CLI prints may
 * contain any of them, in any form (raw, `Basic <base64>`, URL-encoded).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cli, killAll } from '../cli/cli-process.js';
import { echoingSecrets } from '../helpers/echo-secrets.js';
import { type HostileServer, startHostileServer } from '../helpers/hostile-server.js';
import { runHostileSecretScan, watchAll } from './hostile-secret-scan.js';

const PASSWORD = 'Hunter2-Host!pw';

describe('secrets echoed by a hostile server', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    killAll();
    await server?.close();
    server = undefined;
  });

  it('appear in no stream value, error, warning, util.inspect or JSON', async () => {
    const report = await runHostileSecretScan(PASSWORD);
    expect(report.watched).toBeGreaterThan(12);
    // Not vacuous: every echoing text field reached an error or a warning.
    expect(report.codes).toEqual(expect.arrayContaining(['REST_FAILED', 'SUBSCRIBE_FAILED', 'WS_CLOSED']));
    expect(report.found).toEqual([]);
  }, 20_000);

  it('appear nowhere in the CLI’s stdout or stderr (watch --json)', async () => {
    server = await startHostileServer(echoingSecrets(PASSWORD));
    const run = cli(['watch', '--conference', server.conferenceId, '--base-url', server.baseUrl, '--json'], {
      env: { HWM_HOST_PASSWORD: PASSWORD },
    });
    // The CLI reconnects with the default backoff (1 s, 2 s, 4 s, 8 s at most, jittered) through
    // four refusals: up to 15 s, more than waitFor's 10 s.
    const deadline = Date.now() + 40_000;
    while (!run.stdout().includes('HostileEchoNotify') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(run.stdout()).toContain('HostileEchoNotify');
    expect(run.stderr()).toContain('SUBSCRIBE_FAILED');
    run.child.kill('SIGINT');
    await run.exited;
    const watch = watchAll(server, PASSWORD);
    watch.scan('stdout', run.stdout());
    watch.scan('stderr', run.stderr());
    expect(watch.found).toEqual([]);
  }, 60_000);
});
