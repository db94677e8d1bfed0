/**
 * No secret ever leaks (issue 6 §4): during a short soak with faults, everything on status$,
 * warnings$, every data stream, errors, console and stdout/stderr, and `util.inspect` of the
 * options, the resolved options and the meeting, is scanned for the host password, every token the
 * simulator issued (recorded from its REST answers) and the meeting passwords it pushed.
 */
import { inspect } from 'node:util';
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { resolveMeetingOptions } from '../../src/meeting/options.js';
import { startSimulator } from '../../src/simulator/index.js';
import { runSoak, SecretWatch } from './chaos-soak.js';

describe('secrets', () => {
  it('finds neither the password nor any issued token in anything emitted or printed during a soak', async () => {
    const report = await runSoak({
      durationMs: 4000,
      seed: 11,
      speed: 60,
      settleMs: 3000,
      pauseMs: [20, 80],
    });
    // Not vacuous: the password, several control tokens, wsTokens and meeting passwords were watched.
    expect(report.secrets.issued).toBeGreaterThan(8);
    expect(report.reconnects).toBeGreaterThan(0);
    expect(report.secrets.where).toEqual([]);
    expect(report.secrets.found).toBe(0);
  }, 20_000);

  it('keeps a plain-string password out of the resolved options and of a wrong-password error', async () => {
    const sim = await startSimulator({ script: false, seed: 5 });
    try {
      const watch = new SecretWatch();
      watch.add(sim.hostPassword);
      const options = {
        conferenceId: sim.conferenceId,
        hostPassword: sim.hostPassword,
        baseUrl: sim.baseUrl,
      };
      watch.scanValue('resolved', resolveMeetingOptions(options));
      const wrong = `${sim.hostPassword}9`;
      watch.add(wrong);
      const meeting = connectMeeting({ ...options, hostPassword: wrong, reconnect: { maxAttempts: 0 } });
      const sub = meeting.participants$.subscribe();
      const final = await firstValueFrom(
        meeting.status$.pipe(
          filter((s) => s.phase === 'closed'),
          take(1),
          timeout(3000),
        ),
      );
      sub.unsubscribe();
      expect(final.lastError?.code).toBe('REST_AUTH_FAILED');
      watch.scanValue('status', final);
      watch.scan('message', String(final.lastError?.message));
      watch.scanValue('meeting', meeting);
      expect(watch.found).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('the scanner finds a leak (the check can fail), and numeric passwords only as whole words', () => {
    const watch = new SecretWatch();
    watch.add('123456');
    watch.addTokensFrom({
      data: { token: 'stb0123456789abcdef', wsURL: 'wss://x' },
      webSocketToken: 'cnr42abcdef',
    });
    watch.scan('timestamp', 'createTime 1767123456000, msgID a123456b');
    expect(watch.found).toEqual([]);
    watch.scanValue('object', { error: 'bad password 123456' });
    watch.scan('url', 'wss://h/conn?tmpToken=cnr42abcdef');
    watch.scanValue('inspect', { nested: { deeper: { token: 'stb0123456789abcdef' } } });
    // scanValue checks util.inspect and JSON.stringify, so a leaking value is reported twice.
    expect(watch.found).toEqual([
      'object: a 6-character secret',
      'object: a 6-character secret',
      'url: a 11-character secret',
      'inspect: a 19-character secret',
      'inspect: a 19-character secret',
    ]);
    expect(inspect(watch)).not.toContain('stb0123456789abcdef');
  });
});
