import { inspect } from 'node:util';
import { asyncScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { resolveMeetingOptions } from '../../src/meeting/options.js';
import { Secret } from '../../src/security/secret.js';

describe('resolveMeetingOptions', () => {
  it('applies the documented defaults', () => {
    const o = resolveMeetingOptions({ conferenceId: '913570246', hostPassword: 'pw' });
    expect(o).toMatchObject({
      baseUrl: 'https://api.meeting.huaweicloud.com',
      notifyTypes: undefined,
      heartbeatIntervalMs: 60_000,
      livenessTimeoutMs: 30_000,
      reconnect: {
        initialDelayMs: 1000,
        maxDelayMs: 30_000,
        factor: 2,
        jitter: 'full',
        maxAttempts: Number.POSITIVE_INFINITY,
        resetAfterMs: 60_000,
      },
      idleGraceMs: 1000,
      restTimeoutMs: 10_000,
      handshakeTimeoutMs: 10_000,
      maxFrameBytes: 1024 * 1024,
      WebSocket: undefined,
      scheduler: asyncScheduler,
      random: Math.random,
    });
  });

  it('clamps the heartbeat interval to at most 170 s (§7)', () => {
    expect(
      resolveMeetingOptions({ conferenceId: '1', hostPassword: 'pw', heartbeatIntervalMs: 600_000 })
        .heartbeatIntervalMs,
    ).toBe(170_000);
  });

  it('holds the password only as a Secret', () => {
    const o = resolveMeetingOptions({ conferenceId: '1', hostPassword: 'pw-1234567' });
    expect(o.tokenSource.kind === 'password' && o.tokenSource.hostPassword).toBeInstanceOf(Secret);
    expect(inspect(o, { depth: 10 })).not.toContain('pw-1234567');
    expect(JSON.stringify(o)).not.toContain('pw-1234567');
  });

  it('requires a conference ID and exactly one of hostPassword and getTokens', () => {
    expect(() => resolveMeetingOptions({ conferenceId: '', hostPassword: 'pw' })).toThrow(TypeError);
    expect(() => resolveMeetingOptions({ conferenceId: '1' })).toThrow('exactly one');
    expect(() =>
      resolveMeetingOptions({ conferenceId: '1', hostPassword: 'pw-xyz', getTokens: () => [] }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('pw-xyz') }));
  });
});
