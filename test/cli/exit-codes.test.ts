import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/cli/exit-codes.js';
import type { MeetingError } from '../../src/errors.js';

const notFound: MeetingError = {
  code: 'MEETING_NOT_FOUND',
  call: 'createConfToken',
  status: 400,
  message: 'meeting not found',
};
const authFailed: MeetingError = {
  code: 'REST_AUTH_FAILED',
  call: 'createConfToken',
  status: 400,
  message: 'authentication failed',
};

describe('outcomeOf: the exit code and its one line', () => {
  it('0 when the user stops or the meeting ends', () => {
    expect(outcomeOf({ phase: 'closed' }, { wasLive: true, stoppedByUser: true }).code).toBe(0);
    expect(outcomeOf({ phase: 'ended' }, { wasLive: true, stoppedByUser: false })).toEqual({
      code: 0,
      message: 'The meeting has ended.',
    });
    // §8: after the end the service answers "not found"; having been live, that is an end.
    expect(
      outcomeOf({ phase: 'ended', lastError: notFound }, { wasLive: true, stoppedByUser: false }).code,
    ).toBe(0);
  });

  it('1 with advice for a meeting that was never found', () => {
    const outcome = outcomeOf(
      { phase: 'ended', lastError: notFound },
      { wasLive: false, stoppedByUser: false },
    );
    expect(outcome.code).toBe(1);
    expect(outcome.message).toMatch(/check --conference/);
  });

  it('3 when the password is refused, 1 for any other give-up', () => {
    expect(
      outcomeOf({ phase: 'closed', lastError: authFailed }, { wasLive: false, stoppedByUser: false }).code,
    ).toBe(3);
    const other = outcomeOf(
      { phase: 'closed', lastError: { code: 'NETWORK', message: 'connect ECONNREFUSED' } },
      { wasLive: true, stoppedByUser: false },
    );
    expect(other.code).toBe(1);
    expect(other.message).toBe(
      'Stopped (NETWORK: connect ECONNREFUSED). Check --base-url and the network, then try again.',
    );
  });
});
