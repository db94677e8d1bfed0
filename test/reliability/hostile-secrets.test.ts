/**
 * The secrets scan against a hostile server (issue 14 points 1 and 9): a gateway that echoes the
 * host password and every token it issued into every text field it has. Nothing the library emits
 * — stream values, errors, warnings, `util.inspect`, JSON — nor anything the CLI prints may
 * contain any of them, in any form (raw, `Basic <base64>`, URL-encoded).
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { cli, killAll, waitFor } from '../cli/cli-process.js';
import { echoForms, echoingSecrets } from '../helpers/echo-secrets.js';
import { type HostileServer, startHostileServer } from '../helpers/hostile-server.js';
import { SecretWatch } from './chaos-soak.js';

const PASSWORD = 'Hunter2-Host!pw';

function watchAll(server: HostileServer): SecretWatch {
  const watch = new SecretWatch();
  for (const secret of [PASSWORD, ...server.issued]) for (const form of echoForms(secret)) watch.add(form);
  return watch;
}

describe('secrets echoed by a hostile server', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    killAll();
    await server?.close();
    server = undefined;
  });

  it('appear in no stream value, error, warning, util.inspect or JSON', async () => {
    server = await startHostileServer(echoingSecrets(PASSWORD));
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: PASSWORD,
      baseUrl: server.baseUrl,
      reconnect: { initialDelayMs: 5, maxDelayMs: 20, jitter: 'none' },
    });
    const seen: Array<[string, unknown]> = [];
    const record = (name: string) => (value: unknown) => seen.push([name, value]);
    meeting.status$.subscribe(record('status$'));
    meeting.warnings$.subscribe(record('warnings$'));
    meeting.confBasicInfo$.subscribe(record('confBasicInfo$'));
    meeting.confDynamicInfo$.subscribe(record('confDynamicInfo$'));
    meeting.unknown$.subscribe(record('unknown$'));
    meeting.meetingState$.subscribe(record('meetingState$'));
    try {
      // Two refused attempts, a refused Subscribe, a socket closed with an echoing reason, then live.
      await waitFor(
        () => seen.filter(([name]) => name === 'unknown$').length,
        (n) => n >= 2,
        'the second live socket',
      );
      await waitFor(
        () =>
          seen.filter(([name, v]) => name === 'status$' && (v as { phase: string }).phase === 'live').length,
        (n) => n >= 2,
        'live twice',
      );
      const watch = watchAll(server);
      expect(watch.size).toBeGreaterThan(12);
      const codes = new Set(
        seen.flatMap(([, v]) => {
          const value = v as { code?: string; lastError?: { code: string } };
          return [value.code, value.lastError?.code].filter((c) => c !== undefined);
        }),
      );
      // Not vacuous: every echoing text field reached an error or a warning.
      expect([...codes]).toEqual(expect.arrayContaining(['REST_FAILED', 'SUBSCRIBE_FAILED', 'WS_CLOSED']));
      for (const [name, value] of seen) {
        watch.scan(`${name} inspect`, inspect(value, { depth: Number.POSITIVE_INFINITY }));
        watch.scan(
          `${name} JSON`,
          JSON.stringify(value, (_k, v) => (v instanceof Map ? [...v] : v)),
        );
        watch.scan(`${name} String`, String((value as { message?: unknown }).message ?? ''));
      }
      expect(watch.found).toEqual([]);
    } finally {
      meeting.close();
    }
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
    const watch = watchAll(server);
    watch.scan('stdout', run.stdout());
    watch.scan('stderr', run.stderr());
    expect(watch.found).toEqual([]);
  }, 60_000);
});
