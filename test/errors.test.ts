import { describe, expect, it } from 'vitest';
import { closeError, isMeetingError, restError, toMeetingError } from '../src/errors.js';
import { isFatal } from '../src/meeting/failure-rules.js';

describe('restError', () => {
  it('maps MMC.111072065 on the password call to REST_AUTH_FAILED, which is fatal', () => {
    const error = restError('createConfToken', 400, {
      error_code: 'MMC.111072065',
      error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED',
    });
    expect(error).toMatchObject({
      code: 'REST_AUTH_FAILED',
      call: 'createConfToken',
      status: 400,
      errorCode: 'MMC.111072065',
      errorMsg: 'CONF_NOT_FOUND_OR_AUTH_FAILED',
    });
    expect(error.message).toContain('HTTP 400 MMC.111072065 CONF_NOT_FOUND_OR_AUTH_FAILED');
    expect(isFatal(error)).toBe(true);
  });

  it('treats an auth failure of the keep-alive or wsToken call as retryable (a stale token, not a wrong password)', () => {
    const body = { error_code: 'MMC.118000001', error_msg: 'USER_TOKEN_AUTH_FAILED' };
    const keepAlive = restError('keepAliveConfToken', 401, body);
    const wsToken = restError('createWebSocketToken', 401, body);
    expect(keepAlive.code).toBe('REST_AUTH_FAILED');
    expect(isFatal(keepAlive)).toBe(false);
    expect(isFatal(wsToken)).toBe(false);
  });

  it('maps MMC.111070005 (meeting not found / not running) to MEETING_NOT_FOUND, fatal on any call', () => {
    const body = { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' };
    for (const call of ['createConfToken', 'keepAliveConfToken', 'createWebSocketToken'] as const) {
      const error = restError(call, 400, body);
      expect(error.code).toBe('MEETING_NOT_FOUND');
      expect(isFatal(error)).toBe(true);
    }
  });

  it('maps a 500 CONF_EXCEPTION to retryable REST_FAILED with status and codes', () => {
    const error = restError('createConfToken', 500, {
      error_code: 'MMC.111070003',
      error_msg: 'CONF_EXCEPTION',
    });
    expect(error).toMatchObject({ code: 'REST_FAILED', status: 500, errorCode: 'MMC.111070003' });
    expect(isFatal(error)).toBe(false);
  });

  it('classifies by status alone when there is no error body', () => {
    expect(restError('createWebSocketToken', 403).code).toBe('REST_AUTH_FAILED');
    expect(restError('createWebSocketToken', 502)).toMatchObject({
      code: 'REST_FAILED',
      message: expect.stringContaining('HTTP 502'),
    });
  });
});

describe('closeError', () => {
  it('turns 4004 into fatal MEETING_ENDED', () => {
    const error = closeError(4004, 'conference ended', true);
    expect(error).toMatchObject({ code: 'MEETING_ENDED', via: 'close-4004' });
    expect(isFatal(error)).toBe(true);
  });

  it.each([1000, 1006, 1011, 4000, 4001, 4003])('treats close code %i as retryable WS_CLOSED', (code) => {
    const error = closeError(code, 'x', code !== 1006);
    expect(error).toMatchObject({ code: 'WS_CLOSED', closeCode: code });
    expect(isFatal(error)).toBe(false);
  });
});

describe('isFatal / isMeetingError / toMeetingError', () => {
  it('retries everything that is not a MeetingError', () => {
    expect(isFatal(new Error('boom'))).toBe(false);
    expect(isFatal(undefined)).toBe(false);
    expect(isFatal({ code: 'LIVENESS_TIMEOUT', kind: 'silence', afterMs: 1, message: '' })).toBe(false);
  });

  it('recognises MeetingErrors by their code', () => {
    expect(isMeetingError({ code: 'TIMEOUT' })).toBe(true);
    expect(isMeetingError({ code: 'ENOENT' })).toBe(false);
    expect(isMeetingError('TIMEOUT')).toBe(false);
  });

  it('wraps foreign errors as UNEXPECTED through the redactor', () => {
    const error = toMeetingError(new TypeError('token stb123 rejected'), (t) =>
      t.replace('stb123', '[redacted]'),
    );
    expect(error).toEqual({ code: 'UNEXPECTED', message: 'TypeError: token [redacted] rejected' });
    const known = restError('createConfToken', 500);
    expect(toMeetingError(known, (t) => t)).toBe(known);
  });
});
