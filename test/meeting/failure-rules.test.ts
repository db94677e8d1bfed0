/**
 * `failureRule` and `isFatal` (src/meeting/failure-rules.ts): what each failure means for the
 * meeting, row by row of the table in `failureRule`'s TSDoc (PROTOCOL.md §2.5, §3, §6.1, §8).
 */
import { describe, expect, it } from 'vitest';
import { closeError, type MeetingError, restError } from '../../src/errors.js';
import { failureRule, isFatal } from '../../src/meeting/failure-rules.js';

const restAnswer = { status: 401, message: 'x' } as const;
const ended: MeetingError = { code: 'MEETING_ENDED', via: 'destroyed', message: 'x' };
const endedByClose: MeetingError = { code: 'MEETING_ENDED', via: 'close-4004', message: 'x' };
const notFound: MeetingError = { code: 'MEETING_NOT_FOUND', call: 'createWebSocketToken', ...restAnswer };
const wrongPassword: MeetingError = { code: 'REST_AUTH_FAILED', call: 'createConfToken', ...restAnswer };
const staleOnKeepAlive: MeetingError = {
  code: 'REST_AUTH_FAILED',
  call: 'keepAliveConfToken',
  ...restAnswer,
};
const staleOnWsToken: MeetingError = {
  code: 'REST_AUTH_FAILED',
  call: 'createWebSocketToken',
  ...restAnswer,
};
const subscribeRefused: MeetingError = { code: 'SUBSCRIBE_FAILED', returnCode: 4003, message: 'x' };
const wsClosed = (closeCode: number): MeetingError => ({
  code: 'WS_CLOSED',
  closeCode,
  reason: '',
  wasClean: true,
  message: 'x',
});
/** Every other failure: the table's last row. */
const OTHERS: Record<string, MeetingError> = {
  REST_FAILED: { code: 'REST_FAILED', call: 'createConfToken', status: 500, message: 'x' },
  REST_INVALID_RESPONSE: {
    code: 'REST_INVALID_RESPONSE',
    call: 'createWebSocketToken',
    status: 200,
    message: 'x',
  },
  NETWORK: { code: 'NETWORK', call: 'createConfToken', message: 'x' },
  TIMEOUT: { code: 'TIMEOUT', operation: 'websocketOpen', afterMs: 10_000, message: 'x' },
  'WS_CLOSED 1000': wsClosed(1000),
  'WS_CLOSED 1006': wsClosed(1006),
  'WS_CLOSED 1011': wsClosed(1011),
  'WS_CLOSED 4000': wsClosed(4000),
  'WS_CLOSED 4001': wsClosed(4001),
  LIVENESS_TIMEOUT: { code: 'LIVENESS_TIMEOUT', kind: 'silence', afterMs: 120_000, message: 'x' },
  RESYNC_TIMEOUT: { code: 'RESYNC_TIMEOUT', action: 'ParticipantsNotify', afterMs: 5000, message: 'x' },
  TOKEN_PROVIDER_FAILED: { code: 'TOKEN_PROVIDER_FAILED', message: 'x' },
  UNEXPECTED: { code: 'UNEXPECTED', message: 'x' },
};

describe('failureRule', () => {
  // The table's "drops the token?" is "—" for the rows that stop the meeting: no attempt follows
  // them, so the held token is never asked for again and the field is not pinned there.
  it.each([
    ['MEETING_ENDED (Destroyed push)', ended],
    ['MEETING_ENDED (close code 4004)', endedByClose],
    ['MEETING_NOT_FOUND', notFound],
  ])('%s: not retried, the meeting stops as ended', (_name, error) => {
    expect(failureRule(error)).toMatchObject({ retry: false, stopsAs: 'ended' });
  });

  it('REST_AUTH_FAILED on the password call: not retried (a wrong password stays wrong), stops as closed', () => {
    expect(failureRule(wrongPassword)).toMatchObject({ retry: false, stopsAs: 'closed' });
  });

  it.each([
    ['keepAliveConfToken', staleOnKeepAlive],
    ['createWebSocketToken', staleOnWsToken],
  ])('REST_AUTH_FAILED on the %s call: retried with a new control token', (_call, error) => {
    expect(failureRule(error)).toEqual({ retry: true, stopsAs: 'closed', dropControlToken: true });
  });

  it.each([
    ['SUBSCRIBE_FAILED', subscribeRefused],
    ['WS_CLOSED 4003', wsClosed(4003)],
  ])('%s: retried with a new control token (the server refused the token)', (_name, error) => {
    expect(failureRule(error)).toEqual({ retry: true, stopsAs: 'closed', dropControlToken: true });
  });

  it.each(Object.entries(OTHERS))('%s: retried, keeping the held control token', (_name, error) => {
    expect(failureRule(error)).toEqual({ retry: true, stopsAs: 'closed', dropControlToken: false });
  });

  it('every retried failure stops the meeting as closed once the retries are spent', () => {
    const retried = [
      staleOnKeepAlive,
      staleOnWsToken,
      subscribeRefused,
      wsClosed(4003),
      ...Object.values(OTHERS),
    ];
    for (const error of retried) expect(failureRule(error).stopsAs).toBe('closed');
  });

  it('classifies what restError and closeError make as the table says', () => {
    const authBody = { error_code: 'MMC.111072065', error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED' };
    expect(failureRule(restError('createConfToken', 400, authBody))).toMatchObject({
      retry: false,
      stopsAs: 'closed',
    });
    expect(failureRule(restError('keepAliveConfToken', 401)).dropControlToken).toBe(true);
    expect(failureRule(closeError(4004, 'conference ended', true))).toMatchObject({
      retry: false,
      stopsAs: 'ended',
    });
    expect(failureRule(closeError(4003, 'token refused', true)).dropControlToken).toBe(true);
    expect(failureRule(closeError(1006, '', false)).dropControlToken).toBe(false);
  });
});

describe('isFatal', () => {
  it('is !failureRule(error).retry for a MeetingError', () => {
    for (const error of [ended, endedByClose, notFound, wrongPassword]) expect(isFatal(error)).toBe(true);
    const retried = [
      staleOnKeepAlive,
      staleOnWsToken,
      subscribeRefused,
      wsClosed(4003),
      ...Object.values(OTHERS),
    ];
    for (const error of retried) expect(isFatal(error)).toBe(false);
  });

  it('retries everything that is not a MeetingError', () => {
    expect(isFatal(new Error('boom'))).toBe(false);
    expect(isFatal(undefined)).toBe(false);
    expect(isFatal(null)).toBe(false);
    expect(isFatal('MEETING_ENDED')).toBe(false);
    expect(isFatal({ code: 'ENOENT' })).toBe(false);
    expect(isFatal({ code: 'LIVENESS_TIMEOUT', kind: 'silence', afterMs: 1, message: '' })).toBe(false);
  });

  // Moved here from test/errors.test.ts: what restError and closeError make, and whether it is fatal.
  it('treats MMC.111072065 on the password call (REST_AUTH_FAILED) as fatal', () => {
    const error = restError('createConfToken', 400, {
      error_code: 'MMC.111072065',
      error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED',
    });
    expect(error.code).toBe('REST_AUTH_FAILED');
    expect(isFatal(error)).toBe(true);
  });

  it('treats an auth failure of the keep-alive or wsToken call as retryable (a stale token, not a wrong password)', () => {
    const body = { error_code: 'MMC.118000001', error_msg: 'USER_TOKEN_AUTH_FAILED' };
    expect(isFatal(restError('keepAliveConfToken', 401, body))).toBe(false);
    expect(isFatal(restError('createWebSocketToken', 401, body))).toBe(false);
  });

  it('treats MMC.111070005 (MEETING_NOT_FOUND) as fatal on any call', () => {
    const body = { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' };
    for (const call of ['createConfToken', 'keepAliveConfToken', 'createWebSocketToken'] as const) {
      expect(isFatal(restError(call, 400, body))).toBe(true);
    }
  });

  it('treats a 500 CONF_EXCEPTION (REST_FAILED) as retryable', () => {
    const error = restError('createConfToken', 500, {
      error_code: 'MMC.111070003',
      error_msg: 'CONF_EXCEPTION',
    });
    expect(isFatal(error)).toBe(false);
  });

  it('treats close code 4004 (MEETING_ENDED) as fatal', () => {
    expect(isFatal(closeError(4004, 'conference ended', true))).toBe(true);
  });

  it.each([1000, 1006, 1011, 4000, 4001, 4003])('treats close code %i (WS_CLOSED) as retryable', (code) => {
    expect(isFatal(closeError(code, 'x', code !== 1006))).toBe(false);
  });
});
