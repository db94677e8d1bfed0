/**
 * Careless options (issue 14 point 6): every numeric option that becomes a timer or a loop bound
 * is checked once, in `connectMeeting`; a non-finite or out-of-range value throws a `TypeError`
 * that names the option, before anything starts.
 */
import { describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { ConnectMeetingOptions } from '../../src/meeting/options.js';

const base: ConnectMeetingOptions = { conferenceId: '913570246', hostPassword: 'pw-hostile-1' };
const missing = Number(process.env['HWM_SURELY_NOT_SET_ANYWHERE']);

const cases: ReadonlyArray<readonly [string, Partial<ConnectMeetingOptions>]> = [
  ['heartbeatIntervalMs', { heartbeatIntervalMs: missing }],
  ['heartbeatIntervalMs', { heartbeatIntervalMs: 0 }],
  ['heartbeatIntervalMs', { heartbeatIntervalMs: -5 }],
  ['livenessTimeoutMs', { livenessTimeoutMs: Number.NaN }],
  ['livenessTimeoutMs', { livenessTimeoutMs: 0 }],
  ['reconnect.initialDelayMs', { reconnect: { initialDelayMs: Number.NaN } }],
  ['reconnect.initialDelayMs', { reconnect: { initialDelayMs: 0 } }],
  ['reconnect.maxDelayMs', { reconnect: { maxDelayMs: -1 } }],
  ['reconnect.maxDelayMs', { reconnect: { maxDelayMs: Number.POSITIVE_INFINITY } }],
  ['reconnect.factor', { reconnect: { factor: 0.5 } }],
  ['reconnect.maxAttempts', { reconnect: { maxAttempts: 1.5 } }],
  ['reconnect.maxAttempts', { reconnect: { maxAttempts: -1 } }],
  ['reconnect.resetAfterMs', { reconnect: { resetAfterMs: Number.NaN } }],
  ['reconnect.jitter', { reconnect: { jitter: 'some' as 'full' } }],
  ['healTimeoutMs', { healTimeoutMs: Number.NaN }],
  ['idleGraceMs', { idleGraceMs: -1 }],
  ['restTimeoutMs', { restTimeoutMs: Number.NaN }],
  ['restTimeoutMs', { restTimeoutMs: 0 }],
  ['handshakeTimeoutMs', { handshakeTimeoutMs: Number.NEGATIVE_INFINITY }],
  ['maxFrameBytes', { maxFrameBytes: 0.5 }],
  ['maxFrameBytes', { maxFrameBytes: '1024' as unknown as number }],
];

describe('options are checked in one place (issue 14)', () => {
  it.each(cases)('%s: %o throws a TypeError naming the option', (name, bad) => {
    let thrown: unknown;
    try {
      connectMeeting({ ...base, ...bad });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toContain(name);
    expect((thrown as Error).message).not.toContain('pw-hostile-1');
  });

  it('keeps the documented clamp and accepts the edges', () => {
    expect(() =>
      connectMeeting({
        ...base,
        heartbeatIntervalMs: Number.POSITIVE_INFINITY,
        idleGraceMs: 0,
        reconnect: { maxAttempts: Number.POSITIVE_INFINITY, resetAfterMs: 0, initialDelayMs: 1, factor: 1 },
      }).close(),
    ).not.toThrow();
  });
});
